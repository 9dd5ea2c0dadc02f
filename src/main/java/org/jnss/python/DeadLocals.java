package org.jnss.python;

import org.python.objectweb.asm.ClassReader;
import org.python.objectweb.asm.ClassVisitor;
import org.python.objectweb.asm.ClassWriter;
import org.python.objectweb.asm.Handle;
import org.python.objectweb.asm.Label;
import org.python.objectweb.asm.MethodVisitor;
import org.python.objectweb.asm.Opcodes;
import org.python.objectweb.asm.Type;
import org.python.objectweb.asm.commons.AnalyzerAdapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clears dead JVM locals of Jython-compiled Python code at each statement.
 *
 * <p>Jython keeps intermediate values in JVM locals: the sequence an unpacking
 * assignment ({@code a, b = f()}) unpacked, a finished {@code for} loop's
 * iterator. They stay there after the statement, and an interpreted frame's
 * dead locals are still garbage-collection roots: at a script's top level (run
 * once, never compiled by the JIT) the objects they hold stay alive until the
 * script ends. Under CPython they are gone with the statement, and scripts
 * count on it: {@code nss_shutdown()} after {@code for cert in certs: ...} or
 * {@code pub, priv = slot.generate_key_pair(...)} and {@code del} must not find
 * NSS objects still in use.
 *
 * <p>This pass finds, by a backward liveness analysis of each Python code
 * method, the reference locals that no path reads again, and stores null into
 * them right after each {@code PyFrame.setline()} (the start of every statement).
 * Only dead locals of a reference type are cleared, so the stack map frames stay
 * valid and the code's behaviour is unchanged. Classes it cannot analyse are
 * returned as they are.
 */
final class DeadLocals {
    private static final int API = Opcodes.ASM9;
    private static final String FRAME = "org/python/core/PyFrame";

    private DeadLocals() {}

    /** The class with dead locals cleared at statement starts, or the same bytes when nothing applies. */
    static byte[] clear(byte[] classFile) {
        try {
            Map<String, Map<Integer, int[]>> plan = analyse(classFile);
            if (plan.isEmpty()) return classFile;
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            reader.accept(new Rewriter(writer, plan), ClassReader.EXPAND_FRAMES);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            return classFile;   // leave code we cannot analyse as Jython made it
        }
    }

    // ---- pass 1: liveness -----------------------------------------------

    /** method name+descriptor -> (index of a setline instruction -> locals dead after it) */
    private static Map<String, Map<Integer, int[]>> analyse(byte[] classFile) {
        Map<String, Map<Integer, int[]>> plan = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                if ((access & Opcodes.ACC_ABSTRACT) != 0) return null;
                int firstLocal = Type.getArgumentsAndReturnSizes(desc) >> 2;
                if ((access & Opcodes.ACC_STATIC) != 0) firstLocal--;
                return new Recorder(firstLocal, dead -> { if (!dead.isEmpty()) plan.put(name + desc, dead); });
            }
        }, ClassReader.EXPAND_FRAMES);
        return plan;
    }

    /** One instruction: the locals it reads and writes, and where control goes next. */
    private static final class Insn {
        long use;   // bit k: local k (methods with more than 64 locals are left alone)
        long def;
        final List<Object> targets = new ArrayList<>();   // Labels, resolved later
        boolean fallsThrough = true;
        boolean setline;
    }

    private static final class Recorder extends MethodVisitor {
        private final int firstLocal;
        private final java.util.function.Consumer<Map<Integer, int[]>> done;
        private final List<Insn> insns = new ArrayList<>();
        private final Map<Label, Integer> labels = new HashMap<>();
        private final List<Label[]> handlers = new ArrayList<>();   // start, end, handler

        Recorder(int firstLocal, java.util.function.Consumer<Map<Integer, int[]>> done) {
            super(API);
            this.firstLocal = firstLocal;
            this.done = done;
        }

        private Insn add() {
            Insn i = new Insn();
            insns.add(i);
            return i;
        }

        @Override public void visitLabel(Label label) { labels.put(label, insns.size()); }

        @Override public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            handlers.add(new Label[]{start, end, handler});
        }

        @Override public void visitInsn(int opcode) {
            Insn i = add();
            if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW) i.fallsThrough = false;
        }

        @Override public void visitIntInsn(int opcode, int operand) { add(); }

        @Override public void visitVarInsn(int opcode, int var) {
            Insn i = add();
            int width = opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD
                    || opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE ? 2 : 1;
            if (var + width > 64) throw new IllegalStateException("too many locals");
            long bits = (width == 2 ? 3L : 1L) << var;
            if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) i.def |= bits;
            else if (opcode == Opcodes.RET) throw new IllegalStateException("subroutines are not analysed");
            else i.use |= bits;
        }

        @Override public void visitTypeInsn(int opcode, String type) { add(); }

        @Override public void visitFieldInsn(int opcode, String owner, String name, String desc) { add(); }

        @Override public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            Insn i = add();
            i.setline = opcode == Opcodes.INVOKEVIRTUAL && owner.equals(FRAME) && name.equals("setline") && desc.equals("(I)V");
        }

        @Override public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) { add(); }

        @Override public void visitJumpInsn(int opcode, Label label) {
            if (opcode == Opcodes.JSR) throw new IllegalStateException("subroutines are not analysed");
            Insn i = add();
            i.targets.add(label);
            if (opcode == Opcodes.GOTO) i.fallsThrough = false;
        }

        @Override public void visitLdcInsn(Object value) { add(); }

        @Override public void visitIincInsn(int var, int increment) {
            if (var >= 64) throw new IllegalStateException("too many locals");
            Insn i = add();
            i.use |= 1L << var;
        }

        @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            switchTo(dflt, targets);
        }

        @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            switchTo(dflt, targets);
        }

        private void switchTo(Label dflt, Label[] targets) {
            Insn i = add();
            i.fallsThrough = false;
            i.targets.add(dflt);
            java.util.Collections.addAll(i.targets, targets);
        }

        @Override public void visitMultiANewArrayInsn(String desc, int dims) { add(); }

        private static int[] ints(List<Integer> list) {
            int[] a = new int[list.size()];
            for (int j = 0; j < a.length; j++) a[j] = list.get(j);
            return a;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            int n = insns.size();
            int[][] succ = new int[n][];
            for (int k = 0; k < n; k++) {
                Insn i = insns.get(k);
                List<Integer> s = new ArrayList<>();
                if (i.fallsThrough && k + 1 < n) s.add(k + 1);
                for (Object t : i.targets) s.add(labels.get((Label) t));
                succ[k] = ints(s);
            }
            // instructions covered by a handler may jump to it before their own write
            List<List<Integer>> thrown = new ArrayList<>();
            for (int k = 0; k < n; k++) thrown.add(new ArrayList<>());
            for (Label[] h : handlers) {
                int from = labels.get(h[0]), to = labels.get(h[1]), handler = labels.get(h[2]);
                for (int k = from; k < to; k++) thrown.get(k).add(handler);
            }
            if (maxLocals > 64) throw new IllegalStateException("too many locals");
            int[][] thrownTo = new int[n][];
            for (int k = 0; k < n; k++) thrownTo[k] = ints(thrown.get(k));
            long[] use = new long[n], def = new long[n];
            for (int k = 0; k < n; k++) { use[k] = insns.get(k).use; def[k] = insns.get(k).def; }
            long[] in = new long[n], out = new long[n];
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int k = n - 1; k >= 0; k--) {
                    long o = 0;
                    for (int s : succ[k]) o |= in[s];
                    long i = (o & ~def[k]) | use[k];
                    for (int h : thrownTo[k]) i |= in[h];
                    if (o != out[k] || i != in[k]) {
                        out[k] = o;
                        in[k] = i;
                        changed = true;
                    }
                }
            }
            long candidates = maxLocals >= 64 ? -1L : (1L << maxLocals) - 1;
            candidates &= ~((1L << firstLocal) - 1);
            Map<Integer, int[]> dead = new HashMap<>();
            for (int k = 0; k < n; k++) {
                if (!insns.get(k).setline) continue;
                long d = candidates & ~out[k];
                if (d == 0) continue;
                int[] slots = new int[Long.bitCount(d)];
                for (int b = 0, j = 0; b < 64; b++) if ((d & (1L << b)) != 0) slots[j++] = b;
                dead.put(k, slots);
            }
            done.accept(dead);
        }
    }

    // ---- pass 2: clearing -----------------------------------------------

    private static final class Rewriter extends ClassVisitor {
        private final Map<String, Map<Integer, int[]>> plan;
        private String owner;

        Rewriter(ClassVisitor next, Map<String, Map<Integer, int[]>> plan) {
            super(API, next);
            this.plan = plan;
        }

        @Override
        public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
            owner = name;
            super.visit(version, access, name, sig, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, sig, exceptions);
            Map<Integer, int[]> dead = plan.get(name + desc);
            if (dead == null) return mv;
            AnalyzerAdapter types = new AnalyzerAdapter(owner, access, name, desc, mv);
            return new Clearer(types, dead);
        }
    }

    /** Counts instructions as the Recorder did and clears the dead reference locals after each setline. */
    private static final class Clearer extends MethodVisitor {
        private final AnalyzerAdapter types;
        private final Map<Integer, int[]> dead;
        private int index;

        Clearer(AnalyzerAdapter types, Map<Integer, int[]> dead) {
            super(API, types);
            this.types = types;
            this.dead = dead;
        }

        private void after() {
            int[] slots = dead.get(index++);
            if (slots == null || types.locals == null) return;
            for (int slot : slots) {
                if (slot < types.locals.size() && types.locals.get(slot) instanceof String) {
                    super.visitInsn(Opcodes.ACONST_NULL);
                    super.visitVarInsn(Opcodes.ASTORE, slot);
                }
            }
        }

        @Override public void visitInsn(int opcode) { super.visitInsn(opcode); index++; }
        @Override public void visitIntInsn(int opcode, int operand) { super.visitIntInsn(opcode, operand); index++; }
        @Override public void visitVarInsn(int opcode, int var) { super.visitVarInsn(opcode, var); index++; }
        @Override public void visitTypeInsn(int opcode, String type) { super.visitTypeInsn(opcode, type); index++; }
        @Override public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            super.visitFieldInsn(opcode, owner, name, desc);
            index++;
        }
        @Override public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            super.visitMethodInsn(opcode, owner, name, desc, itf);
            after();
        }
        @Override public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
            super.visitInvokeDynamicInsn(name, desc, bsm, args);
            index++;
        }
        @Override public void visitJumpInsn(int opcode, Label label) { super.visitJumpInsn(opcode, label); index++; }
        @Override public void visitLdcInsn(Object value) { super.visitLdcInsn(value); index++; }
        @Override public void visitIincInsn(int var, int increment) { super.visitIincInsn(var, increment); index++; }
        @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            super.visitTableSwitchInsn(min, max, dflt, labels);
            index++;
        }
        @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            super.visitLookupSwitchInsn(dflt, keys, labels);
            index++;
        }
        @Override public void visitMultiANewArrayInsn(String desc, int dims) {
            super.visitMultiANewArrayInsn(desc, dims);
            index++;
        }
    }
}

package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.natives.Mem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The diagnostics of one verification (CERTVerifyLog),
 * {@code nss.nss.CertVerifyLog} in Python: one {@link CertVerifyLogNode} per
 * problem NSS found along the chain, in NSS's order. Returned by
 * {@link Certificate#verifyWithLog verify_with_log()} and carried by the
 * CertVerifyError it raises; a sequence of its nodes (len() and indexing), and
 * str() renders them grouped by chain depth. NSS's log is read once when the
 * verification returns: the nodes' certificates become Certificate objects
 * and NSS's arena is freed at once, so nothing native outlives the call; the
 * log itself holds nothing to close.
 */
public final class CertVerifyLog extends FormattedValue {
    // CERTVerifyLog and CERTVerifyLogNode (LP64, checked with offsetof against certt.h)
    static final int LOG_ARENA = 0, LOG_COUNT = 8, LOG_HEAD = 16, LOG_SIZE = 32;
    static final int NODE_CERT = 0, NODE_ERROR = 8, NODE_DEPTH = 16, NODE_ARG = 24, NODE_NEXT = 32;

    private final List<CertVerifyLogNode> nodes;

    private CertVerifyLog(List<CertVerifyLogNode> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    /**
     * An empty log, as python-nss's CertVerifyLog() makes (a verification
     * makes its own log; this one stays empty).
     *
     * @return the empty log
     */
    @Python("CertVerifyLog()")
    public static CertVerifyLog create() {
        return new CertVerifyLog(new ArrayList<>());
    }

    /** An empty native log with its own arena; free it with {@link #consume}. */
    static long allocate() {
        long arena = Nss3.PORT_NewArena(512);
        if (arena == 0) throw new OutOfMemoryError("PORT_NewArena");
        long log = Nss3.PORT_ArenaZAlloc(arena, LOG_SIZE);
        if (log == 0) {
            Nss3.PORT_FreeArena(arena, 0);
            throw new OutOfMemoryError("PORT_ArenaZAlloc");
        }
        Mem.setPointer(log, LOG_ARENA, arena);
        return log;
    }

    /**
     * Copies the nodes of a native log, taking over their certificate
     * references, and frees the log's arena.
     */
    static CertVerifyLog consume(long log) {
        List<CertVerifyLogNode> nodes = new ArrayList<>();
        long arena = Mem.getPointer(log, LOG_ARENA);
        try {
            for (long n = Mem.getPointer(log, LOG_HEAD); n != 0; n = Mem.getPointer(n, NODE_NEXT)) {
                long cert = Mem.getPointer(n, NODE_CERT);
                Mem.setPointer(n, NODE_CERT, 0);
                int error = (int) Mem.getLong(n, NODE_ERROR);
                int depth = Mem.getInt(n, NODE_DEPTH);
                long arg = Mem.getPointer(n, NODE_ARG);
                nodes.add(new CertVerifyLogNode(cert == 0 ? null : new Certificate(cert), error, depth, arg));
            }
        } finally {
            Nss3.PORT_FreeArena(arena, 0);
        }
        return new CertVerifyLog(nodes);
    }

    /**
     * The number of problems logged.
     *
     * @return the number of nodes
     */
    @Python("count")
    public int getCount() { return nodes.size(); }

    /**
     * The number of problems logged, as {@link #getCount() count}.
     *
     * @return the number of nodes
     */
    @Python("__len__()")
    public int len() { return nodes.size(); }

    /**
     * The node at a position.
     *
     * @param index the position, from 0 (Python counts a negative index from the end)
     * @return the node
     * @throws IndexOutOfBoundsException (IndexError) "CertVerifyLog index out of range"
     */
    @Python("__getitem__(index)")
    public CertVerifyLogNode getItem(@Python.Index long index) {
        if (index < 0 || index >= nodes.size()) throw new IndexOutOfBoundsException("CertVerifyLog index out of range");
        return nodes.get((int) index);
    }

    /**
     * The nodes, for Java callers.
     *
     * @return an unmodifiable list of the nodes, in NSS's order
     */
    public List<CertVerifyLogNode> nodes() { return nodes; }

    /**
     * The log's text: the number of errors, then for each chain depth the
     * certificate's subject, issuer and validity followed by its errors,
     * numbered.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.pair(level, "Validation Errors", Integer.toString(nodes.size()));
        int depth = -1;
        int i = 0;
        for (CertVerifyLogNode node : nodes) {
            if (node.getDepth() != depth) {
                depth = node.getDepth();
                lines.label(level, "Certificate at chain depth " + depth);
                CertVerifyLogNode.certificateSummary(lines, level + 1, node.getCertificate());
                lines.list.add(new Object[]{level});
            }
            lines.label(level + 1, "Validation Error #" + ++i);
            node.errorLines(lines, level + 2);
        }
        return lines;
    }
}

# python-nss on the JVM: the `nss` package presents the Java core (org.jnss.*)
# exactly as python-nss presents itself to CPython.

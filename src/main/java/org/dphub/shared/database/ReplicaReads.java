package org.dphub.shared.database;

import java.util.function.Supplier;

/**
 * Work that may read from the hot standby ({@code DPHUB_REPLICA_URL}) rather than the database:
 * reports over a period, such as the insights figures, which are as right a second later. Never a
 * page that must show what was just written, and never a write: a standby refuses writes. The
 * connection is chosen when a transaction (or a statement outside one) first asks for it, so the
 * work must start its own transaction inside {@link #run}. With no standby set, or the standby out
 * of reach, the work reads the database as usual.
 */
public final class ReplicaReads {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ReplicaReads() {
    }

    public static <T> T run(Supplier<T> work) {
        Boolean before = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(before);
            }
        }
    }

    static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }
}

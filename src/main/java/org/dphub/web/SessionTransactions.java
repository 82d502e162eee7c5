package org.dphub.web;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's transactions, but none for reading a session.
 *
 * <p>Spring Session runs everything it does in a transaction of its own, reading a session too. A read is
 * one {@code SELECT} of the session and its attributes together, which PostgreSQL answers from one
 * snapshot anyway; the transaction added only a {@code COMMIT}, a round trip to PostgreSQL on every
 * signed-in page (bin/bench load). A read marked by {@link #readingOne} now runs without one. Saving,
 * deleting and the clean-up job, which send several statements or must not mix with a caller's
 * transaction, run in a new transaction of their own as before. So does a read made while the thread
 * is already in a transaction: a read without one would join it.
 */
final class SessionTransactions implements TransactionOperations {

    /** While this thread reads a session: TRUE until the read's query has run, then FALSE; unset otherwise. */
    private static final ThreadLocal<Boolean> READING_ONE = new ThreadLocal<>();

    private final TransactionTemplate ownTransaction;

    SessionTransactions(PlatformTransactionManager transactions) {
        // what Spring Session makes when it is given no transactions of its own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What reading a session does (the repository's {@code findById}). */
    @FunctionalInterface
    interface Read {
        Object run() throws Throwable;
    }

    /** Runs {@code read}, the reading of one session: the repository's own query then runs without a transaction. */
    static Object readingOne(Read read) throws Throwable {
        if (READING_ONE.get() != null) {
            return read.run();
        }
        READING_ONE.set(Boolean.TRUE);
        try {
            return read.run();
        } finally {
            READING_ONE.remove();
        }
    }

    /**
     * Runs {@code action}: without a transaction if it is the first thing a session's read runs (its
     * query), else in a new transaction of its own. A session found expired is then deleted in one, as
     * before.
     */
    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        boolean theRead = READING_ONE.get() == Boolean.TRUE;
        if (theRead) {
            READING_ONE.set(Boolean.FALSE);
        }
        if (theRead && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return TransactionOperations.withoutTransaction().execute(action);
        }
        return ownTransaction.execute(action);
    }
}

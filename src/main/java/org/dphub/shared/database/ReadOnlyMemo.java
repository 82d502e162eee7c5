package org.dphub.shared.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a read-only transaction has already read, kept until it ends: a page that reads the same
 * thing for each of its parts (the home page asks "whom does this person act for?" once for each
 * module's part) reads it once. Only inside a read-only transaction, where nothing the answer rests
 * on can change; anywhere else the work is simply done. A {@link List} answer is handed out
 * unmodifiable ({@link List#copyOf}: its elements are never null), in a transaction or not, so
 * the parts of a page that share it cannot change it for one another.
 */
public final class ReadOnlyMemo {

    private static final Object RESOURCE = new Object();

    private ReadOnlyMemo() {
    }

    /** Whether answers are kept here now: inside a read-only transaction. */
    public static boolean keeping() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** Whether an answer for this key has been kept in this read-only transaction. */
    @SuppressWarnings("unchecked")
    public static boolean has(Object key) {
        if (!keeping()) {
            return false;
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        return memo != null && memo.containsKey(key);
    }

    /** The answer already read for this key in this read-only transaction, or the work's answer, kept. */
    @SuppressWarnings("unchecked")
    public static <T> T remember(Object key, Supplier<T> work) {
        if (!keeping()) {
            return unmodifiable(work.get());
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
        }
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T answer = unmodifiable(work.get());
        memo.put(key, answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static <T> T unmodifiable(T answer) {
        return answer instanceof List<?> list ? (T) List.copyOf(list) : answer;
    }
}

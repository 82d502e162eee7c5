package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two people doing things at the same moment, made certain: the first's work written in a transaction held
 * open on another thread, then the second started, which must wait for it (checked after a second), and
 * once the first commits, what the second ends in (its answer, or what it threw) is returned.
 */
public final class HeldOpen {

    private HeldOpen() {
    }

    public static Object secondWaitsForFirst(TransactionTemplate transactions, Runnable first, Supplier<Object> second, String waitsFor)
            throws Exception {
        Runnable commit = heldOpen(transactions, first);
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return second.get();
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(1_000);
        assertThat(waiting).as(waitsFor).isNotDone();
        commit.run();
        return waiting.get(30, TimeUnit.SECONDS);
    }

    /**
     * Runs the work in a transaction of its own on another thread and keeps it open, not committed, until
     * the returned step is run: what another transaction meets meanwhile is what a second person would.
     */
    public static Runnable heldOpen(TransactionTemplate transactions, Runnable work) throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread thread = new Thread(() -> transactions.executeWithoutResult(tx -> {
            work.run();
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        thread.start();
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        return () -> {
            commit.countDown();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}

package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ReadOnlyMemoTest {

    private final AtomicInteger reads = new AtomicInteger();

    private String read() {
        return "answer " + reads.incrementAndGet();
    }

    private static void begin(boolean readOnly) {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(readOnly);
    }

    private static void end() {
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clear();
    }

    @AfterEach
    void clean() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clear();
        }
    }

    @Test
    void aReadOnlyTransactionReadsEachKeyOnce() {
        begin(true);
        assertThat(ReadOnlyMemo.remember("who", this::read)).isEqualTo("answer 1");
        assertThat(ReadOnlyMemo.remember("who", this::read)).isEqualTo("answer 1");
        assertThat(ReadOnlyMemo.remember("other", this::read)).isEqualTo("answer 2");
        end();
        assertThat(reads).hasValue(2);
    }

    @Test
    void theNextTransactionReadsAgain() {
        begin(true);
        ReadOnlyMemo.remember("who", this::read);
        end();
        begin(true);
        assertThat(ReadOnlyMemo.remember("who", this::read)).isEqualTo("answer 2");
        end();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void aTransactionThatMayWriteAndNoTransactionAlwaysRead() {
        begin(false);
        ReadOnlyMemo.remember("who", this::read);
        ReadOnlyMemo.remember("who", this::read);
        end();
        ReadOnlyMemo.remember("who", this::read);
        ReadOnlyMemo.remember("who", this::read);
        assertThat(reads).hasValue(4);
    }

    @Test
    void aListAnswerIsSharedUnmodifiableSoOnePartCannotChangeItForTheNext() {
        begin(true);
        java.util.List<String> first = ReadOnlyMemo.remember("people", () -> new java.util.ArrayList<>(java.util.List.of("Ann", "Bob")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.add("Cat")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ReadOnlyMemo.<java.util.List<String>>remember("people", java.util.ArrayList::new)).containsExactly("Ann", "Bob");
        end();
        java.util.List<String> outside = ReadOnlyMemo.remember("people", () -> new java.util.ArrayList<>(java.util.List.of("Ann")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outside.add("Cat")).as("the same outside a transaction")
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

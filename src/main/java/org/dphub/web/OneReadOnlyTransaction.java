package org.dphub.web;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.thymeleaf.context.LazyContextVariable;

/**
 * A page read on one connection in one read-only transaction (bin/bench load): what the page asks
 * every module for, and then what its layout would otherwise read while it renders, each in a
 * transaction of its own ("Contact your council", your direct payments contact: the model's lazy
 * values). What several parts ask for is then read once ({@code shared.database.ReadOnlyMemo}).
 */
@Component
public class OneReadOnlyTransaction {

    private final TransactionTemplate transaction;

    OneReadOnlyTransaction(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    /**
     * The page's reading only, in one read-only transaction: for a page that shows none of the model's
     * lazy values (reading them would be work the page throws away).
     */
    public <T> T read(Supplier<T> reading) {
        return transaction.execute(status -> reading.get());
    }

    /** The page's reading, then the model's lazy values, in one read-only transaction. */
    public <T> T read(Model model, Supplier<T> reading) {
        return transaction.execute(status -> {
            T read = reading.get();
            model.asMap().values().forEach(value -> {
                if (value instanceof LazyContextVariable<?> lazy) {
                    lazy.getValue();
                }
            });
            return read;
        });
    }
}

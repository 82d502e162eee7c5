package org.dphub.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.function.SingletonSupplier;
import org.thymeleaf.context.LazyContextVariable;

/**
 * A page read on one connection in one read-only transaction (bin/bench load): what the page asks
 * every module for, and then what its layout would otherwise read while it renders, each in a
 * transaction of its own ("Contact your council", your direct payments contact: the model's lazy
 * values). What several parts ask for is then read once ({@code shared.database.ReadOnlyMemo}).
 * A page may first send what it and the layout will read together ({@link Reads.Together}): a round
 * trip for each step, not one for each query.
 */
@Component
public class OneReadOnlyTransaction {

    private final TransactionTemplate transaction;
    private final Reads reads;
    // the layout's parts, listed once when first needed (singletons): listing them each page was 1% of its CPU
    private final Supplier<List<LayoutReads>> layout;

    OneReadOnlyTransaction(PlatformTransactionManager transactions, Reads reads, ObjectProvider<LayoutReads> layout) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
        this.reads = reads;
        this.layout = SingletonSupplier.of(() -> layout.orderedStream().toList());
    }

    /**
     * The page's reading only, in one read-only transaction: for a page that shows none of the model's
     * lazy values (reading them would be work the page throws away).
     */
    public <T> T read(Supplier<T> reading) {
        return transaction.execute(status -> reading.get());
    }

    /**
     * As {@link #read(Supplier)}, first sending what the page says it will read ({@code ahead})
     * together: a round trip for each step, not one for each query.
     */
    public <T> T read(Consumer<Reads.Together> ahead, Supplier<T> reading) {
        return transaction.execute(status -> {
            Reads.Together together = reads.together();
            ahead.accept(together);
            together.send();
            return reading.get();
        });
    }

    /**
     * The page's reading, then the model's lazy values, in one read-only transaction; first, what the
     * page says it will read ({@code ahead}) and what the layout will read for this person
     * ({@link LayoutReads}) are sent together.
     */
    public <T> T read(Model model, SignedInUser user, Consumer<Reads.Together> ahead, Supplier<T> reading) {
        List<LayoutReads> layoutReads = layout.get();
        return transaction.execute(status -> {
            Reads.Together together = reads.together();
            layoutReads.forEach(part -> part.readAhead(user, together));
            ahead.accept(together);
            together.send();
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

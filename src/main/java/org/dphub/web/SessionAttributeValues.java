package org.dphub.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How a session's attributes are turned into bytes for PostgreSQL and back: Java serialization, as
 * Spring Session does by itself, except that the same bytes read again give the value they gave
 * before, not a fresh copy made by deserializing them once more.
 *
 * <p>Every signed-in page reads its session's attributes (who is signed in, the form token, the device)
 * from the database and needs at least the first two. Deserializing them took about 6% of the
 * instance's CPU on "Your money" (a profile on the bench cluster, docs/PERFORMANCE.md), on every page, though they change only
 * when the person signs in, out, or changes their password. Now the value is kept, by the whole of its
 * bytes, for the values that no request changes:
 * <ul>
 * <li>who is signed in: a fresh {@link SecurityContextImpl} each time, holding the same sign-in. A
 * request may empty or replace its own context (signing out does); no request changes the sign-in
 * inside, which is what every request of a session held in memory shares anyway;</li>
 * <li>the stored form token ({@link DefaultCsrfToken}, unchangeable), text and a {@link Locale}.</li>
 * </ul>
 * Anything else (a sign-in waiting for its one-time code, the device signed in from, which only the
 * sessions page reads, anything a later change stores) is deserialized each time it is read, as
 * before. Equal bytes always mean an equal value, so an instance keeps no state another could
 * disagree with; a value changed in the database has other bytes and is read afresh. At most
 * {@link #KEPT} values are kept, the least recently read going first.
 */
final class SessionAttributeValues implements GenericConverter {

    /** How many values are kept: a few for each session in use on this instance. */
    static final int KEPT = 4_096;

    /** Larger values are not kept (none of those above is near it). */
    static final int LARGEST_KEPT_BYTES = 16 * 1024;

    private final DeserializingConverter deserializer;
    private final Map<Bytes, Object> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, Object> eldest) {
            return size() > KEPT;
        }
    };

    SessionAttributeValues(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** What Spring Session's JDBC repository converts with, in place of the one it makes itself. */
    static GenericConversionService conversionService(ClassLoader classLoader) {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, new SerializingConverter());
        service.addConverter(new SessionAttributeValues(classLoader));
        return service;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(byte[].class, Object.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        return read((byte[]) source);
    }

    /** The value these bytes hold: the one kept for them, or deserialized now (and kept if it may be). */
    Object read(byte[] bytes) {
        if (bytes.length > LARGEST_KEPT_BYTES) {
            return deserializer.convert(bytes);
        }
        Bytes key = new Bytes(bytes);
        Object value;
        synchronized (kept) {
            value = kept.get(key);
        }
        if (value == null) {
            value = deserializer.convert(bytes);
            if (!mayBeKept(value)) {
                return value;
            }
            if (value instanceof SecurityContext context) {
                value = context.getAuthentication();
                if (value == null) {
                    return context;
                }
            }
            synchronized (kept) {
                kept.put(key, value);
            }
        }
        return handedOut(value);
    }

    /** How many values are kept now (for tests). */
    int keptCount() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static boolean mayBeKept(Object value) {
        return value instanceof SecurityContext context && context.getClass() == SecurityContextImpl.class
                || value instanceof DefaultCsrfToken
                || value instanceof String
                || value instanceof Locale;
    }

    /** A sign-in kept goes out in a context of its own, which the request may change. */
    private static Object handedOut(Object kept) {
        return kept instanceof org.springframework.security.core.Authentication authentication
                ? new SecurityContextImpl(authentication) : kept;
    }

    /** An attribute's bytes, compared by their content. */
    private static final class Bytes {
        private final byte[] bytes;
        private final int hash;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attributes as Spring Session's repository turns them into bytes and back: the same value as
 * plain Java serialization gives, deserialized once for the same bytes where no request changes it.
 */
class SessionAttributeValuesTest {

    final ConversionService conversions = SessionAttributeValues.conversionService(getClass().getClassLoader());

    @Test
    void aSignInReadAgainIsTheSameSignInInAContextOfItsOwnThatARequestMayEmpty() {
        byte[] stored = bytes(new SecurityContextImpl(signIn("citizen@demo-england", "ROLE_CITIZEN")));

        SecurityContext first = (SecurityContext) read(stored);
        SecurityContext second = (SecurityContext) read(stored.clone());
        assertThat(first.getAuthentication().getName()).isEqualTo("citizen@demo-england");
        assertThat(first.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CITIZEN");
        assertThat(second.getAuthentication()).as("the sign-in, deserialized once").isSameAs(first.getAuthentication());
        assertThat(second).as("each read has a context of its own").isNotSameAs(first).isExactlyInstanceOf(SecurityContextImpl.class);

        // signing out empties the request's own context: another request of the session still has its sign-in
        first.setAuthentication(null);
        assertThat(((SecurityContext) read(stored)).getAuthentication()).isSameAs(second.getAuthentication());
    }

    @Test
    void otherBytesAreAnotherValueReadAfresh() {
        SecurityContext citizen = (SecurityContext) read(bytes(new SecurityContextImpl(signIn("citizen@demo-england", "ROLE_CITIZEN"))));
        // the same person signed in again with another role (their password changed, a new sign-in): other bytes
        SecurityContext again = (SecurityContext) read(bytes(new SecurityContextImpl(signIn("citizen@demo-england", "ROLE_REPRESENTATIVE"))));
        assertThat(again.getAuthentication()).isNotSameAs(citizen.getAuthentication());
        assertThat(again.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REPRESENTATIVE");
        assertThat(citizen.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CITIZEN");
    }

    @Test
    void theFormTokenTextAndLanguageAreKeptAndAnythingElseIsDeserializedEachTime() {
        byte[] token = bytes(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString()));
        assertThat(read(token)).isSameAs(read(token.clone())).isInstanceOf(DefaultCsrfToken.class);
        byte[] page = bytes("/my-money");
        assertThat(read(page)).isEqualTo("/my-money").isSameAs(read(page.clone()));
        byte[] welsh = bytes(Locale.forLanguageTag("cy"));
        assertThat(read(welsh)).isEqualTo(Locale.forLanguageTag("cy"));

        // a sign-in waiting for its one-time code is a bare Authentication, a list could be changed: never shared
        byte[] waiting = bytes(signIn("finance@demo-england", "ROLE_FINANCE"));
        Object waitingFirst = read(waiting);
        assertThat(waitingFirst).isInstanceOf(Authentication.class).isNotSameAs(read(waiting)).isEqualTo(read(waiting));
        byte[] list = bytes(new ArrayList<>(List.of("a", "b")));
        Object listFirst = read(list);
        assertThat(listFirst).isEqualTo(List.of("a", "b")).isNotSameAs(read(list));
        // nor an empty context (no sign-in in it to share)
        byte[] empty = bytes(new SecurityContextImpl());
        assertThat(read(empty)).isNotSameAs(read(empty)).isEqualTo(new SecurityContextImpl());
    }

    @Test
    void noMoreThanTheLimitIsKeptTheLeastRecentlyReadGoingFirst() {
        SessionAttributeValues values = new SessionAttributeValues(getClass().getClassLoader());
        byte[] often = bytes("read on every page");
        Object kept = values.read(often);
        for (int i = 0; i < SessionAttributeValues.KEPT + 100; i++) {
            values.read(bytes("session " + i));
            if (i % 1000 == 0) {
                values.read(often);
            }
        }
        assertThat(values.keptCount()).isEqualTo(SessionAttributeValues.KEPT);
        assertThat(values.read(often)).as("read recently, still kept").isSameAs(kept);
        byte[] large = bytes("x".repeat(SessionAttributeValues.LARGEST_KEPT_BYTES));
        assertThat(values.read(large)).as("too large to keep").isNotSameAs(values.read(large));
    }

    @Test
    void valuesAreWrittenAsJavaSerializationAsSpringSessionWritesThem() {
        DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc");
        byte[] written = (byte[]) conversions.convert(token, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
        assertThat(written).isEqualTo(bytes(token));
    }

    Object read(byte[] bytes) {
        return conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }

    static byte[] bytes(Object value) {
        return new SerializingConverter().convert(value);
    }

    static Authentication signIn(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(role)));
    }
}

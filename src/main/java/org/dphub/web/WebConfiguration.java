package org.dphub.web;

import java.time.Duration;
import java.util.List;
import org.dphub.shared.SignedInUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static {
        // the signed-in user is not a request parameter: keep it out of the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(SignedInUser.class);
    }

    private final String govukFrontend;
    private final boolean secureCookies;

    WebConfiguration(@Value("${dphub.govuk-frontend.version:5.14.0}") String govukFrontendVersion,
                     @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.govukFrontend = "classpath:/META-INF/resources/webjars/govuk-frontend/" + govukFrontendVersion + "/dist/govuk/";
        this.secureCookies = secureCookies;
    }

    /** A zero byte sent is refused with a 400 ({@link ZeroBytes}): just after the character encoding is set. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<ZeroBytes> zeroBytesRefused() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new ZeroBytes());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The language cookie is {@code Secure} whenever the session cookie is (DPHUB_SECURE_COOKIES, on in the prod profile). */
    @Bean
    LocaleResolver localeResolver() {
        LanguageResolver languages = new LanguageResolver();
        languages.setCookieSecure(secureCookies);
        return languages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        registry.addInterceptor(new TemporaryPasswordInterceptor())
                .excludePathPatterns("/assets/**", "/govuk/**", "/static/**", "/sign-in", "/sign-out");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
        // govuk-frontend's CSS refers to /assets/fonts and /assets/images
        registry.addResourceHandler("/assets/**").addResourceLocations(govukFrontend + "assets/").setCacheControl(week);
        registry.addResourceHandler("/govuk/**").addResourceLocations(govukFrontend).setCacheControl(week);
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInUserResolver());
    }

    /** Lets a controller take {@code SignedInUser user} as a parameter. */
    static final class SignedInUserResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return SignedInUser.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return current();
        }

        static SignedInUser current() {
            SignedInUser user = CurrentUser.orNull();
            if (user != null) {
                return user;
            }
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                    "Sign in first");
        }
    }
}

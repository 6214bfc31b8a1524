package org.jobsearch.rest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.List;

/**
 * The REST conventions of a service. Runs before Boot's web MVC auto-configuration so that
 * {@link ProblemDetailsAdvice} replaces Boot's plain Problem Details handler (which steps aside when a
 * {@link ResponseEntityExceptionHandler} exists) instead of competing with it.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RestConventionsAutoConfiguration {

    /** The scheme name under which the OpenAPI document declares the bearer token every API call needs. */
    public static final String BEARER_SCHEME = "bearer";

    /**
     * The REST API's JSON is Boot's: {@code spring.jackson.*} and the Problem Details mix-in (flat extension members
     * such as {@code errors}). Boot builds its JSON converter from the context's {@code JsonMapper} bean, and backs
     * off creating that bean as soon as any library defines a {@code JsonMapper} of its own for other purposes (as
     * the messaging library does for event payloads). This puts a converter built from Boot's customized builder in
     * the JSON slot, after Boot's own customizer, so the two mappers stay apart.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer restJsonConverter(JsonMapper.Builder jsonMapperBuilder) {
        // text with a NUL character cannot be stored: refused while reading, naming the field (TextWithoutNul)
        jsonMapperBuilder.addModule(new SimpleModule("rest-conventions-text").addDeserializer(String.class, new TextWithoutNul()));
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(jsonMapperBuilder.build());
        return converters -> converters.withJsonConverter(converter);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Titles the document after the service, declares the gateway's signed bearer token for every operation, and
     * gives the server as "/": paths are the same through the gateway and on the service itself.
     */
    @Bean
    @ConditionalOnClass(OpenAPI.class)
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI serviceOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : null;
        return new OpenAPI()
                .info(new Info().title(environment.getProperty("spring.application.name", "service")).version(version))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The short-lived token the gateway signs for the signed-in user")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}

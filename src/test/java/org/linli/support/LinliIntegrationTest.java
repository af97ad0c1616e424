package org.linli.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on PostgreSQL (the embedded server, or the one SPRING_DATASOURCE_URL names) in demo mode,
 * driven through MockMvc with the real security filters. Classes using it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "linli.demo=true")
@AutoConfigureMockMvc
public @interface LinliIntegrationTest {
}

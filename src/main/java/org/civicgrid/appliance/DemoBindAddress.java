package org.civicgrid.appliance;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

/**
 * 演示模式监听地址 — the demo county signs in with a published password, so a demo box listens on loopback
 * ({@code 127.0.0.1}) unless someone set {@code quarkus.http.host} themselves (system property, environment, a site
 * file); a production box (demo off) binds as configured (Quarkus' default {@code 0.0.0.0}).
 */
@Priority(io.smallrye.config.Priorities.APPLICATION)
public class DemoBindAddress implements ConfigSourceInterceptor {

    static final String HOST = "quarkus.http.host";
    static final String DEMO = "civicgrid.demo";
    static final String LOOPBACK = "127.0.0.1";
    static final String SOURCE = "civicgrid-demo-loopback";
    /** Below this ordinal a value is a built-in default, not something a person set. */
    private static final int DEFAULTS_ONLY = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!HOST.equals(name) || setByOperator(value) || !demo(context)) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue(LOOPBACK).withConfigSourceName(SOURCE)
                .withConfigSourceOrdinal(DEFAULTS_ONLY).build();
    }

    private static boolean setByOperator(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() >= DEFAULTS_ONLY;
    }

    private static boolean demo(ConfigSourceInterceptorContext context) {
        ConfigValue demo = context.proceed(DEMO);
        return demo == null || demo.getValue() == null || Boolean.parseBoolean(demo.getValue().trim());
    }
}

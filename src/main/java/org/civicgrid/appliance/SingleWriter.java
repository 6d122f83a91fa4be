package org.civicgrid.appliance;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 单写者 — marks a frequent write transaction that should queue in the JVM for SQLite's one write lock instead of
 * waiting in SQLite's busy handler (which sleeps in 1–100 ms steps). Put it next to {@code @Transactional}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SingleWriter {
}

package org.civicgrid.appliance;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 写者队列 — runs {@link SingleWriter} methods one at a time in arrival order, around (before) their transaction,
 * so their {@code BEGIN IMMEDIATE} finds the SQLite write lock free. Re-entrant: a nested call passes.
 */
@SingleWriter
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class SingleWriterQueue {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    @AroundInvoke
    Object inTurn(InvocationContext invocation) throws Exception {
        LOCK.lockInterruptibly();
        try {
            return invocation.proceed();
        } finally {
            LOCK.unlock();
        }
    }
}

package org.yizhan.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one kept connection, for the stores' {@code try (PreparedStatement s =
 * c.prepareStatement(SQL))}: compiling a statement costs SQLite about as much as running one of the small writes
 * a ticket makes (bench queue: a quarter of the writer's time), so the connection handed to the work gives the
 * statement it prepared before, its parameters cleared, and {@code close} puts it back instead of finalizing it.
 * A statement asked for again while the work still holds it (a loop that runs the same SQL inside its own) is a
 * new one, closed as usual. Not for sharing between threads at once: the writer's committing thread owns it.
 */
final class StatementCache implements AutoCloseable {
    private static final int SIZE = 64;

    private final Connection connection;
    private final Connection handedOut;
    private final Map<String, Cached> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            if (size() > SIZE && !eldest.getValue().inUse) {
                eldest.getValue().finish();
                return true;
            }
            return false;
        }
    };

    StatementCache(Connection connection) {
        this.connection = connection;
        this.handedOut = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to hand to the work: as the real one, but with {@code prepareStatement(String)} cached. */
    Connection connection() {
        return handedOut;
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return prepare((String) args[0]);
        }
        return call(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached != null && cached.inUse) {
            return connection.prepareStatement(sql);
        }
        if (cached == null || cached.statement.isClosed()) {
            cached = new Cached(connection.prepareStatement(sql));
            statements.put(sql, cached);
        }
        cached.inUse = true;
        return cached.handedOut;
    }

    @Override
    public void close() {
        statements.values().forEach(Cached::finish);
        statements.clear();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Cached {
        final PreparedStatement statement;
        final PreparedStatement handedOut;
        boolean inUse;

        Cached(PreparedStatement statement) {
            this.statement = statement;
            this.handedOut = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (InvocationHandler) this::onStatement);
        }

        private Object onStatement(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        statement.clearParameters();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                default -> {
                    return call(statement, method, args);
                }
            }
        }

        void finish() {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing with its connection anyway
            }
        }
    }
}

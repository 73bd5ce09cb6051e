package org.yizhan.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL database as the server's store: a pool of connections shared by every store of every hall, each
 * store in a namespace of its own ({@link Namespaces}), and one listening connection that hears the other servers'
 * writes ({@code LISTEN yizhan_events}) and passes them to the stores' {@link StoreLocation#onOtherWrites} actions.
 */
public final class PostgresStore implements ServerStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    private static final Pattern URL = Pattern.compile("(?:jdbc:)?postgres(?:ql)?://([^/?#]+)(/[^?#]*)?(\\?.*)?");
    /** How long a request waits for a free connection before it is answered "busy". */
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    private final String jdbcUrl;
    private final String password;
    private final String described;
    private final HikariDataSource pool;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread listener;

    private PostgresStore(String jdbcUrl, String password, String described, HikariDataSource pool) {
        this.jdbcUrl = jdbcUrl;
        this.password = password;
        this.described = described;
        this.pool = pool;
    }

    /**
     * Connects to {@code url} ({@code postgresql://HOST:PORT/DB?user=U} or {@code jdbc:postgresql://…}) with
     * {@code password} (null: none); fails at once if the database cannot be reached.
     */
    public static PostgresStore connect(String url, String password) throws SQLException {
        Matcher m = URL.matcher(url);
        if (!m.matches() || m.group(2) == null || m.group(2).length() < 2) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://HOST:PORT/DATABASE?user=USER): " + url);
        }
        String jdbc = "jdbc:postgresql://" + m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbc);
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("yizhan-store");
        // A few per core: every write of a hall waits for its lock anyway, and PostgreSQL itself has the cores.
        config.setMaximumPoolSize(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
        config.setMinimumIdle(2);
        // Every unit of work is a transaction: handed out as such, no connection is switched back and forth.
        config.setAutoCommit(false);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.addDataSourceProperty("ApplicationName", "yizhan");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new PostgresStore(jdbc, password, "postgresql://" + m.group(1) + m.group(2), new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SQLException("cannot reach the database " + "postgresql://" + m.group(1) + m.group(2) + ": "
                    + cause.getMessage(), cause);
        }
    }

    DataSource pool() {
        return pool;
    }

    /** The stores of a hall: its namespace ({@link Namespaces#hall}). */
    @Override
    public StoreLocation hall(Path hallDir, String hallId) {
        return at(Namespaces.hall(hallId));
    }

    @Override
    public StoreLocation county(Path dataDir) {
        return at(Namespaces.COUNTY);
    }

    /** The stores in {@code namespace}. */
    public StoreLocation at(String namespace) {
        return StoreLocation.postgres(this, namespace);
    }

    @Override
    public String describe() {
        return described;
    }

    synchronized AutoCloseable listen(String namespace, Runnable action) {
        listeners.computeIfAbsent(namespace, n -> new CopyOnWriteArrayList<>()).add(action);
        if (listener == null) {
            listener = new Thread(this::listenLoop, "yizhan-store-listen");
            listener.setDaemon(true);
            listener.start();
        }
        return () -> listeners.getOrDefault(namespace, List.of()).remove(action);
    }

    private void listenLoop() {
        boolean warned = false;
        while (!closed) {
            Properties properties = new Properties();
            if (password != null) {
                properties.setProperty("password", password);
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PostgresEngine.EVENTS_CHANNEL);
                }
                if (warned) {
                    LOG.info("listening to the other servers' writes again");
                    warned = false;
                }
                // What was written while no one listened is in the tables: every place reads once.
                dispatch(listeners.keySet());
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(1_000);
                    if (notices != null && notices.length > 0) {
                        Set<String> namespaces = new LinkedHashSet<>();
                        for (PGNotification notice : notices) {
                            namespaces.add(notice.getParameter());
                        }
                        dispatch(namespaces);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("lost the connection that hears the other servers' writes; trying again: {}", e.toString());
                    warned = true;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void dispatch(Set<String> namespaces) {
        for (String namespace : namespaces) {
            for (Runnable action : listeners.getOrDefault(namespace, List.of())) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("a store's reaction to another server's write failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread;
        synchronized (this) {
            thread = listener;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
    }
}

package dev.govkg.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

import org.neo4j.common.DependencyResolver;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.procs.ProcedureSignature;
import org.neo4j.kernel.api.QueryLanguage;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.impl.ProcedureConfig;

/**
 * Runs an embedded Neo4j Community DBMS that speaks Bolt on loopback, for govkg's tests.
 *
 * <pre>
 * java -cp target/govkg-neo4j-launcher.jar:target/lib/* dev.govkg.neo4j.Launcher [--port N] [--data DIR]
 *     [--http-port N] [--conf FILE]
 * </pre>
 *
 * <ul>
 *   <li>port: {@code --port}, else env {@code GOVKG_NEO4J_BOLT_PORT}, else 7687 (bound to 127.0.0.1);</li>
 *   <li>data: {@code --data}, else env {@code GOVKG_NEO4J_DATA}, else {@code .cache/neo4j/data}; the whole
 *       DBMS (stores, transaction logs, system db with the users, debug.log under {@code logs/}) lives there;</li>
 *   <li>auth enabled; user {@code neo4j}, password from env {@code NEO4J_PASSWORD}
 *       (default {@code govkg-test-password}), set on every start through the system database;</li>
 *   <li>HTTP: {@code --http-port}, else env {@code GOVKG_NEO4J_HTTP_PORT}, else off (0); when on, the HTTP
 *       connector listens on 127.0.0.1 and serves Neo4j Browser at {@code /browser/} (its jar is on the
 *       classpath) and nothing else (with {@code conf/hardening.conf});</li>
 *   <li>conf: {@code --conf FILE} settings in neo4j.conf form (scripts/neo4j/conf/hardening.conf: no file URLs,
 *       no URL fetching, a procedure allow-list), validated strictly;</li>
 *   <li>the procedure allow-list ({@code dbms.security.procedures.allowlist}) holds for Neo4j's built-in
 *       procedures too: Neo4j applies it only to procedures loaded from plugins, so the launcher unregisters
 *       every built-in one the list does not match as soon as the DBMS is up, before it reports ready;</li>
 *   <li>file URLs of {@code LOAD CSV} resolve under {@code DATA/no-import}, a folder that is never created, so
 *       even with file URLs allowed they would reach no file.</li>
 * </ul>
 *
 * Prints {@code govkg-neo4j ready bolt://127.0.0.1:PORT} (and {@code http://127.0.0.1:HTTP_PORT/browser/} when
 * HTTP is on) once Bolt (and HTTP) accept TCP connections and the password is in place; shuts the DBMS down
 * cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
    static final String DEFAULT_PASSWORD = "govkg-test-password";
    static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = parsePort(envOr("GOVKG_NEO4J_BOLT_PORT", "7687"));
        Path data = Path.of(envOr("GOVKG_NEO4J_DATA", ".cache/neo4j/data"));
        int httpPort = parsePortOrOff(envOr("GOVKG_NEO4J_HTTP_PORT", "0"));
        Path conf = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (a.equals("--data") && i + 1 < args.length) {
                data = Path.of(args[++i]);
            } else if (a.equals("--http-port") && i + 1 < args.length) {
                httpPort = parsePortOrOff(args[++i]);
            } else if (a.equals("--conf") && i + 1 < args.length) {
                conf = Path.of(args[++i]);
            } else if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: Launcher [--port N] [--data DIR] [--http-port N|0] [--conf FILE]"
                        + "   (env: GOVKG_NEO4J_BOLT_PORT, GOVKG_NEO4J_DATA, GOVKG_NEO4J_HTTP_PORT, NEO4J_PASSWORD)");
                return;
            } else {
                System.err.println("govkg-neo4j: unknown argument: " + a);
                System.exit(2);
            }
        }
        String password = envOr("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (password.length() < 8) {
            // Keep Neo4j's own minimum; a short one would be refused by ALTER USER below anyway.
            System.err.println("govkg-neo4j: NEO4J_PASSWORD must be at least 8 characters");
            System.exit(2);
        }

        data = data.toAbsolutePath().normalize();
        Files.createDirectories(data);

        final DatabaseManagementService dbms;
        try {
            dbms = build(data, port, httpPort, conf);
        } catch (Throwable t) {
            System.err.println("govkg-neo4j: failed to start the DBMS");
            t.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("govkg-neo4j stopping");
            System.out.flush();
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                System.out.println("govkg-neo4j stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "govkg-neo4j-shutdown"));

        try {
            for (String name : restrictProcedures(dbms)) {
                System.out.println("govkg-neo4j: procedure not on the allow-list, unregistered: " + name);
            }
            setPassword(dbms, password);
            waitForPort(port, 120_000);
            if (httpPort > 0) {
                waitForPort(httpPort, 120_000);
            }
        } catch (Throwable t) {
            System.err.println("govkg-neo4j: DBMS started but is not usable");
            t.printStackTrace();
            System.exit(1); // runs the shutdown hook
        }

        System.out.println("govkg-neo4j ready bolt://" + HOST + ":" + port
                + (httpPort > 0 ? " http://" + HOST + ":" + httpPort + "/browser/" : ""));
        System.out.flush();
        stopped.await();
    }

    static DatabaseManagementService build(Path data, int port, int httpPort, Path conf) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data);
        if (conf != null) {
            // Read first: the per-server settings below (paths, ports) take precedence over the file.
            builder.loadPropertiesFromFile(conf.toAbsolutePath());
        }
        builder.setConfig(GraphDatabaseSettings.data_directory, data)
                .setConfig(GraphDatabaseSettings.logs_directory, data.resolve("logs"))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No import folder: file URLs (refused anyway by the conf) would resolve under a folder that
                // is never created, rather than anywhere on the file system (Neo4j's meaning of "unset").
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, data.resolve("no-import"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, httpPort > 0)
                .setConfig(HttpsConnector.enabled, false)
                // Small machine (2 cores, tests only): keep memory and disk use modest.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // Internal (unsupported, but stable within 5.26) knobs: Bolt's default graceful shutdown
                // waits ~10 s for idle Netty event loops; a test server should stop in about a second.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(2));
        if (httpPort > 0) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(HOST, httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress(HOST, httpPort));
        }
        return builder.build();
    }

    /**
     * Unregisters the built-in procedures that {@code dbms.security.procedures.allowlist} does not match (Neo4j
     * itself filters only plugin procedures by it), so that calling one fails as for an unknown procedure.
     * Returns their names. With the default allow-list ({@code *}) nothing is unregistered.
     */
    static Set<String> restrictProcedures(DatabaseManagementService dbms) {
        DependencyResolver resolver = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                .getDependencyResolver();
        ProcedureConfig allowed = new ProcedureConfig(resolver.resolveDependency(Config.class));
        GlobalProcedures procedures = resolver.resolveDependency(GlobalProcedures.class);
        Set<String> refused = new TreeSet<>();
        for (QueryLanguage language : QueryLanguage.values()) {
            procedures.getCurrentView().getAllProcedures(language)
                    .map(ProcedureSignature::name)
                    .filter(name -> !allowed.isWhitelisted(name.toString()))
                    .forEach(name -> {
                        procedures.unregister(name);
                        refused.add(name.toString());
                    });
        }
        return refused;
    }

    /** Sets neo4j's password (no change required at login); a no-op when it is already that password. */
    static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!msg.contains("cannot be the same")) {
                throw e;
            }
        }
    }

    static void waitForPort(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("nothing listens on " + HOST + ":" + port, e);
                }
                Thread.sleep(200);
            }
        }
    }

    static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : v;
    }

    /** A port, or 0 for "off" (also from "off" / "no" / "false"). */
    static int parsePortOrOff(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("0") || v.equals("off") || v.equals("no") || v.equals("false")) {
            return 0;
        }
        return parsePort(s);
    }

    static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        System.err.println("govkg-neo4j: bad port: " + s);
        System.exit(2);
        return -1;
    }
}

package org.linli.iot.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Device changes between application nodes. Each node caches device identities and cuts the connections of a device
 * whose credential is revoked; a change made on one node reaches the others as a PostgreSQL notification on
 * {@value #CHANNEL} (sent in the changing transaction, so delivered only once it commits). Each node listens on one
 * connection of its own and ignores what it sent itself. A notification missed while the listening connection was
 * down is made up for by dropping the whole cache when it is back.
 */
@Component
class DeviceChangeFeed implements SmartLifecycle {

	static final String CHANNEL = "linli_iot_device";

	static final String CHANGED = "changed";

	static final String REVOKED = "revoked";

	/** This node, so that it does not act twice on its own changes. */
	static final String NODE = UUID.randomUUID().toString();

	private static final Logger log = LoggerFactory.getLogger(DeviceChangeFeed.class);

	private final DataSource dataSource;

	private final DeviceDirectory directory;

	private volatile boolean running;

	private Thread listener;

	DeviceChangeFeed(DataSource dataSource, DeviceDirectory directory) {
		this.dataSource = dataSource;
		this.directory = directory;
	}

	static String payload(String kind, String deviceId) {
		return NODE + " " + kind + " " + deviceId;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = Thread.ofPlatform().daemon().name("iot-device-changes").start(this::listen);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
			try {
				// it polls once a second: give its connection back before the pool closes
				this.listener.join(3_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				if (!first) {
					this.directory.forgetAll();
				}
				first = false;
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(1_000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							heard(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Listening for device changes failed; trying again in 2 s", ex);
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void heard(String payload) {
		String[] parts = payload.split(" ", 3);
		if (parts.length != 3 || parts[0].equals(NODE)) {
			return;
		}
		if (REVOKED.equals(parts[1])) {
			this.directory.revokedElsewhere(parts[2]);
		}
		else {
			this.directory.changedElsewhere(parts[2]);
		}
	}

}

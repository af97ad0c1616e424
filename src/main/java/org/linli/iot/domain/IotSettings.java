package org.linli.iot.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of devices and the gateway ({@code linli.iot.*}). The embedded broker listens on 127.0.0.1:1883 unless
 * {@code broker.embedded=false}, in which case the gateway connects to {@code broker.url} (Mosquitto, EMQX).
 */
@ConfigurationProperties("linli.iot")
public record IotSettings(Broker broker, Gateway gateway, Duration offlineAfter, Duration offlineCheck,
		Duration escalateAfter, Duration eventRetention) {

	public IotSettings {
		broker = broker == null ? new Broker(true, "127.0.0.1", 1883, null, null, null, 65536) : broker;
		gateway = gateway == null ? new Gateway(null, 8192, Duration.ofMinutes(5), Duration.ofDays(7), 1000,
				Duration.ofSeconds(2), 100, 0, 0, null, null, 0) : gateway;
		offlineAfter = offlineAfter == null ? Duration.ofMinutes(5) : offlineAfter;
		offlineCheck = offlineCheck == null ? Duration.ofSeconds(30) : offlineCheck;
		escalateAfter = escalateAfter == null ? Duration.ofMinutes(5) : escalateAfter;
		eventRetention = eventRetention == null ? Duration.ofDays(30) : eventRetention;
	}

	/**
	 * The broker: embedded (host, port) or external (url with the gateway's username and password). A port of 0
	 * picks a free one (tests).
	 */
	public record Broker(boolean embedded, String host, int port, String url, String username, String password,
			int maxMessageBytes) {

		public Broker {
			host = host == null ? "127.0.0.1" : host;
			maxMessageBytes = maxMessageBytes <= 0 ? 65536 : maxMessageBytes;
		}

	}

	/**
	 * The gateway: its MQTT client id (its persistent session), the largest payload it accepts, how far an event's
	 * time may lie in the future or the past, the largest batch written at once, the reconnect delay, the in-flight
	 * window asked of the broker, the number of MQTT sessions (0: 8 with the embedded broker, whose window is 10
	 * messages a session; 1 with an external broker, one wildcard subscription), the number of writer threads for
	 * ordinary events (besides the one for alarm events; 0: see {@link #writers(boolean)}), how often the sessions'
	 * subscriptions are checked against the device registry, whether the gateway takes the embedded broker's messages in process instead of
	 * through MQTT sessions (default: yes) and how many messages may wait there before the broker refuses more
	 * (ADR 0013).
	 */
	public record Gateway(String clientId, int maxPayloadBytes, Duration maxClockSkew, Duration maxAge, int batchSize,
			Duration reconnectDelay, int maxInflight, int sessions, int writers, Duration resubscribeEvery,
			Boolean inProcess, int inboxLimit) {

		public Gateway {
			clientId = clientId == null ? "linli-gateway" : clientId;
			maxPayloadBytes = maxPayloadBytes <= 0 ? 8192 : maxPayloadBytes;
			maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
			maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
			batchSize = batchSize <= 0 ? 1000 : batchSize;
			reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(2) : reconnectDelay;
			maxInflight = maxInflight <= 0 ? 100 : maxInflight;
			resubscribeEvery = resubscribeEvery == null ? Duration.ofSeconds(30) : resubscribeEvery;
			inboxLimit = inboxLimit <= 0 ? 200_000 : inboxLimit;
		}

		/**
		 * The bulk writers (besides the priority writer): the setting, else one in process, two with sessions. In
		 * process one writer stores as much as two on two cores (the CPU is the limit either way) and leaves the
		 * priority writer more of it: smoke reached its notice faster (docs/performance.md, IoT).
		 */
		public int writers(boolean inProcess) {
			return this.writers > 0 ? this.writers : inProcess ? 1 : 2;
		}

		/** Whether the gateway takes the broker's messages in process: only from the embedded broker. */
		public boolean inProcess(boolean embeddedBroker) {
			return embeddedBroker && (this.inProcess == null || this.inProcess);
		}

		/** The sessions to open: the setting, or its default for the kind of broker. */
		public int sessions(boolean embeddedBroker) {
			return this.sessions > 0 ? this.sessions : embeddedBroker ? 8 : 1;
		}

	}

}

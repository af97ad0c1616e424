package org.linli.iot.domain;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import io.moquette.BrokerConstants;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An external broker that is down at start: the gateway starts anyway and connects once the broker is up. */
class GatewayRetryUnitTests {

	@Test
	void theGatewayStartsWithoutItsBrokerAndConnectsWhenTheBrokerComesUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		IotSettings settings = new IotSettings(
				new IotSettings.Broker(false, "127.0.0.1", 0, "tcp://127.0.0.1:" + port, null, null, 0),
				new IotSettings.Gateway("retry-test", 0, null, null, 0, Duration.ofMillis(100), 0, 0, 0, null,
						null, 0),
				null, null, null,
				null);
		MqttGateway gateway = new MqttGateway(settings, null, null, null, null, null, null, null, null,
				Clock.systemUTC());
		gateway.start();
		Server broker = new Server();
		try {
			assertThat(gateway.isRunning()).isTrue();
			assertThat(gateway.connected()).isFalse();
			Properties properties = new Properties();
			properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
			properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
			properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
			properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
			properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
			properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
			broker.startServer(new MemoryConfig(properties));
			await().atMost(Duration.ofSeconds(10)).until(gateway::connected);
		}
		finally {
			gateway.halt();
			broker.stopServer();
		}
	}

}

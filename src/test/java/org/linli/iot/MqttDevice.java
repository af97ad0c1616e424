package org.linli.iot;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device for tests: a Paho client logged in with the device's own credentials. */
public final class MqttDevice implements AutoCloseable {

	private final MqttClient client;

	private final String topic;

	private MqttDevice(MqttClient client, String topic) {
		this.client = client;
		this.topic = topic;
	}

	public static MqttDevice connect(String url, String communityCode, String deviceId, String password)
			throws MqttException {
		MqttClient client = new MqttClient(url, deviceId + "-" + System.nanoTime(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(deviceId);
		options.setPassword(password.toCharArray());
		options.setCleanSession(true);
		options.setMaxInflight(1000);
		client.connect(options);
		// a publish the broker refuses (ACL) is never acknowledged: give up instead of waiting forever
		client.setTimeToWait(3000);
		return new MqttDevice(client, "linli/" + communityCode + "/devices/" + deviceId + "/events");
	}

	public String topic() {
		return this.topic;
	}

	public MqttClient client() {
		return this.client;
	}

	public void publish(String json) throws MqttException {
		publish(this.topic, json);
	}

	public void publish(String topic, String json) throws MqttException {
		this.client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
	}

	public static String now() {
		return OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MILLIS).toString();
	}

	public static String event(String eventId, String type, String extra) {
		return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + now() + "\""
				+ (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect();
		}
		this.client.close();
	}

}

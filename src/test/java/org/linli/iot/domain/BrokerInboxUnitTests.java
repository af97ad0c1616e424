package org.linli.iot.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerInboxUnitTests {

	final BrokerInbox inbox = new BrokerInbox(3, "smoke-1"::equals);

	@Test
	void acceptsOnlyWhileOpenAndUnderItsLimit() {
		assertThat(this.inbox.accepts()).as("closed until the gateway listens").isFalse();
		this.inbox.open();
		publish("door-1", "a");
		publish("door-1", "b");
		assertThat(this.inbox.accepts()).isTrue();
		publish("door-1", "c");
		assertThat(this.inbox.accepts()).as("full").isFalse();
		this.inbox.close();
		assertThat(this.inbox.size()).isEqualTo(3);
		this.inbox.open();
		assertThat(this.inbox.accepts()).isFalse();
		this.inbox.clear();
		assertThat(this.inbox.size()).isZero();
		assertThat(this.inbox.accepts()).as("a stopped broker's inbox is closed").isFalse();
	}

	@Test
	void alarmDevicesMessagesAreTakenFirstAndEachLaneKeepsItsOrder() throws Exception {
		BrokerInbox roomy = new BrokerInbox(100, "smoke-1"::equals);
		roomy.open();
		publish(roomy, "door-1", "d1");
		publish(roomy, "door-2", "d2");
		publish(roomy, "smoke-1", "s1");
		publish(roomy, "door-1", "d3");
		publish(roomy, "smoke-1", "s2");
		List<BrokerInbox.Delivery> taken = new ArrayList<>();
		assertThat(roomy.take(taken, 3, 10, TimeUnit.MILLISECONDS)).isTrue();
		assertThat(texts(taken)).containsExactly("s1", "s2", "d1");
		assertThat(taken.get(0).topic()).isEqualTo(Topics.events("xfl", "smoke-1"));
		assertThat(taken.get(0).urgent()).isTrue();
		assertThat(taken.get(2).urgent()).isFalse();

		// not stored (the gateway stopped): back in front of their lanes, before what came meanwhile
		publish(roomy, "smoke-1", "s3");
		roomy.giveBack(taken);
		List<BrokerInbox.Delivery> again = new ArrayList<>();
		assertThat(roomy.take(again, 10, 10, TimeUnit.MILLISECONDS)).isTrue();
		assertThat(texts(again)).containsExactly("s1", "s2", "s3", "d1", "d2", "d3");
		assertThat(roomy.take(new ArrayList<>(), 10, 10, TimeUnit.MILLISECONDS)).as("empty").isFalse();
	}

	@Test
	void aWaitingTakerWakesForAnAlarmAsForAnyMessage() throws Exception {
		BrokerInbox roomy = new BrokerInbox(100, "smoke-1"::equals);
		roomy.open();
		for (String device : List.of("smoke-1", "door-1")) {
			java.util.concurrent.CompletableFuture<List<BrokerInbox.Delivery>> taken = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> {
					List<BrokerInbox.Delivery> into = new ArrayList<>();
					try {
						roomy.take(into, 10, 1, TimeUnit.HOURS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return into;
				});
			Thread.sleep(50); // let it wait
			publish(roomy, device, "x");
			assertThat(texts(taken.get(30, TimeUnit.SECONDS))).as(device).containsExactly("x");
		}
	}

	@Test
	void theGatewaysOwnPublishesAreNotEvents() {
		this.inbox.open();
		publish(this.inbox, BrokerSecurity.GATEWAY_USERNAME, "command");
		assertThat(this.inbox.size()).isZero();
	}

	@Test
	void theBrokersBufferIsReleased() {
		this.inbox.open();
		MqttPublishMessage message = message("door-1", "a");
		message.retain(); // the broker's own reference
		this.inbox.onPublish(new InterceptPublishMessage(message, "client", "door-1"));
		assertThat(message.refCnt()).isEqualTo(1);
	}

	private void publish(String device, String text) {
		publish(this.inbox, device, text);
	}

	private static void publish(BrokerInbox inbox, String device, String text) {
		inbox.onPublish(new InterceptPublishMessage(message(device, text), "client-" + device, device));
	}

	private static MqttPublishMessage message(String device, String text) {
		return MqttMessageBuilders.publish().topicName(Topics.events("xfl", device)).qos(MqttQoS.AT_LEAST_ONCE)
			.messageId(1).payload(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)).build();
	}

	private static List<String> texts(List<BrokerInbox.Delivery> deliveries) {
		return deliveries.stream().map(d -> new String(d.payload(), StandardCharsets.UTF_8)).toList();
	}

}

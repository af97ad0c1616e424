package org.linli.iot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The embedded broker's events, handed to the gateway in the same process (ADR 0013, amendment 3): the broker calls
 * this after it has accepted a device's publish, and the message waits here, in memory like the broker's own session
 * queues, until a gateway writer has stored it. It lives as long as the broker: a gateway that stops or dies leaves
 * its unstored messages here and takes them up again when it starts.
 * <p>
 * The broker acknowledges a device's publish only while the inbox is open and not over its limit
 * ({@link #accepts()}, asked by the broker's authoriser before the acknowledgement); otherwise the device keeps the
 * message and sends it again after reconnecting.
 * <p>
 * Messages of alarm devices (smoke, water leak, elevator, AI camera) wait in a lane of their own that is taken first,
 * so smoke never queues behind a backlog of door events. A device is always in the same lane, so its messages keep
 * their order.
 */
@Component
class BrokerInbox extends AbstractInterceptHandler {

	/** A device's message as the broker accepted it, and whether it came from an alarm device. */
	record Delivery(String topic, byte[] payload, boolean urgent) {
	}

	private static final Logger log = LoggerFactory.getLogger(BrokerInbox.class);

	private static final Class<?>[] TYPES = { InterceptPublishMessage.class };

	private final LinkedBlockingDeque<Delivery> deliveries = new LinkedBlockingDeque<>();

	/** Alarm devices' messages: taken before the others. */
	private final LinkedBlockingDeque<Delivery> urgent = new LinkedBlockingDeque<>();

	/** Signals the waiting taker; a publish takes the lock only while somebody waits. */
	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private volatile boolean waiting;

	/** Whether a device (by id) is an alarm device. */
	private final Predicate<String> alarmDevice;

	private final int limit;

	private volatile boolean open;

	@Autowired
	BrokerInbox(IotSettings settings, DeviceDirectory directory) {
		this(settings.gateway().inboxLimit(), id -> directory.identity(id)
			.map(device -> GatewayPartitions.ALARM_DEVICES.contains(device.type()))
			.orElse(false));
	}

	BrokerInbox(int limit, Predicate<String> alarmDevice) {
		this.limit = limit;
		this.alarmDevice = alarmDevice;
	}

	/** Whether the broker may accept (and acknowledge) a device's message now. */
	boolean accepts() {
		return this.open && size() < this.limit;
	}

	/** The gateway listens: devices' messages are accepted. */
	void open() {
		this.open = true;
	}

	/** The gateway is stopping: devices keep their messages from now on. */
	void close() {
		this.open = false;
	}

	int size() {
		return this.urgent.size() + this.deliveries.size();
	}

	/**
	 * Takes the alarm devices' messages, then the others, up to max in all; waits up to the timeout when there is none.
	 */
	boolean take(List<Delivery> into, int max, long timeout, TimeUnit unit) throws InterruptedException {
		if (drainTo(into, max)) {
			return true;
		}
		long left = unit.toNanos(timeout);
		this.lock.lockInterruptibly();
		try {
			this.waiting = true;
			// a message added before the flag was seen is found here; one added after it signals
			while (!drainTo(into, max) && left > 0) {
				left = this.arrived.awaitNanos(left);
			}
		}
		finally {
			this.waiting = false;
			this.lock.unlock();
		}
		return !into.isEmpty();
	}

	private boolean drainTo(List<Delivery> into, int max) {
		this.urgent.drainTo(into, max);
		this.deliveries.drainTo(into, max - into.size());
		return !into.isEmpty();
	}

	/** Messages taken but not stored go back in front of their lane, in their order, for the next gateway. */
	void giveBack(List<Delivery> unstored) {
		List<Delivery> reversed = new ArrayList<>(unstored);
		java.util.Collections.reverse(reversed);
		reversed.forEach(delivery -> (delivery.urgent() ? this.urgent : this.deliveries).addFirst(delivery));
	}

	/** The broker stopped: what it had accepted and nobody stored is gone with it, as with its session queues. */
	void clear() {
		this.urgent.clear();
		this.deliveries.clear();
		this.open = false;
	}

	@Override
	public void onPublish(InterceptPublishMessage message) {
		ByteBuf payload = message.getPayload();
		try {
			if (!BrokerSecurity.GATEWAY_USERNAME.equals(message.getUsername())) {
				byte[] bytes = new byte[payload.readableBytes()];
				payload.getBytes(payload.readerIndex(), bytes);
				String topic = message.getTopicName();
				// devices log in with their id, and the broker let them publish only to their own topic
				String device = message.getUsername();
				boolean alarms = device != null && this.alarmDevice.test(device);
				(alarms ? this.urgent : this.deliveries).add(new Delivery(topic, bytes, alarms));
				if (this.waiting) {
					this.lock.lock();
					try {
						this.arrived.signal();
					}
					finally {
						this.lock.unlock();
					}
				}
			}
		}
		finally {
			payload.release(); // the broker hands each handler a retained duplicate
		}
	}

	@Override
	public String getID() {
		return "linli-gateway-inbox";
	}

	@Override
	public Class<?>[] getInterceptedMessageTypes() {
		return TYPES.clone();
	}

	@Override
	public void onSessionLoopError(Throwable error) {
		log.warn("The embedded broker's session loop failed", error);
	}

}

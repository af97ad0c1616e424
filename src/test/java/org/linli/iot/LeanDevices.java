package org.linli.iot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.linli.iot.domain.Topics;
import org.linli.iot.domain.Traffic;

/**
 * The benchmark's load: many devices publishing ACCESS events at QoS 1, each on its own MQTT connection, paced to a
 * rate, each connection keeping at most {@code window} publishes unacknowledged (a message waits with its device
 * while the window is full). All connections share one Netty event loop with Netty's MQTT codec, so the load costs
 * little CPU: in a compound the devices are not on the server, and Paho's client (the demo simulator's) spent most of
 * this 2-core machine on its own locking at 10,000 messages/s. Counts are read after {@link #run} returns.
 */
final class LeanDevices implements AutoCloseable {

	record Stats(long published, long acknowledged, long startedNanos, long endedNanos) {
	}

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final EventLoop loop = this.group.next();

	private final Map<String, Connection> connections = new HashMap<>();

	private final int window;

	private final Clock clock;

	private long published;

	private long acknowledged;

	LeanDevices(String brokerUrl, String communityCode, List<Traffic.SimDevice> devices, int window, Clock clock)
			throws Exception {
		this.window = window;
		this.clock = clock;
		URI uri = URI.create(brokerUrl);
		for (Traffic.SimDevice device : devices) {
			Connection connection = new Connection(device, Topics.events(communityCode, device.id()));
			Channel channel = new Bootstrap().group(this.loop).channel(NioSocketChannel.class)
				.option(ChannelOption.TCP_NODELAY, true)
				.handler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel ch) {
						ch.pipeline().addLast(MqttEncoder.INSTANCE, new MqttDecoder(), connection);
					}
				})
				.connect(uri.getHost(), uri.getPort()).sync().channel();
			connection.channel = channel;
			channel.writeAndFlush(MqttMessageBuilders.connect().clientId(device.id() + "-" + System.nanoTime())
				.username(device.id()).password(device.password().getBytes(StandardCharsets.UTF_8))
				.cleanSession(true).keepAlive(60).protocolVersion(MqttVersion.MQTT_3_1_1).build());
			this.connections.put(device.id(), connection);
		}
		for (Connection connection : this.connections.values()) {
			connection.accepted.get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Plays the traffic at the rate for the duration, then waits (at most {@code drain}) until every message was sent
	 * and acknowledged. The messages are made before the clock starts, each with the time it is due as its
	 * {@code occurredAt}, so that making JSON does not take the machine from what is measured.
	 */
	Stats run(Traffic traffic, int rate, Duration duration, Duration drain) throws InterruptedException {
		int total = (int) (rate * duration.toSeconds());
		Duration lead = Duration.ofSeconds(3); // to make them all, before the first is due
		OffsetDateTime start = OffsetDateTime.now(this.clock).plus(lead);
		Connection[] to = new Connection[total];
		byte[][] payloads = new byte[total][];
		for (int i = 0; i < total; i++) {
			Duration at = Duration.ofNanos((long) (i * 1e9 / rate));
			Traffic.Message message = traffic.next(at, start.plus(at)).getLast();
			to[i] = this.connections.get(message.device().id());
			payloads[i] = message.json().getBytes(StandardCharsets.UTF_8);
		}
		long wait = Duration.between(OffsetDateTime.now(this.clock), start).toMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		CountDownLatch done = new CountDownLatch(1);
		long started = System.nanoTime();
		int[] sent = { 0 };
		this.loop.execute(new Runnable() {
			@Override
			public void run() {
				long elapsed = System.nanoTime() - started;
				int due = (int) Math.min(total, elapsed / 1e9 * rate + 1);
				for (; sent[0] < due; sent[0]++) {
					to[sent[0]].offer(payloads[sent[0]]);
				}
				LeanDevices.this.connections.values().forEach(Connection::flush);
				if (sent[0] >= total) {
					done.countDown();
					return;
				}
				LeanDevices.this.loop.schedule(this, 1, TimeUnit.MILLISECONDS);
			}
		});
		done.await();
		long until = System.nanoTime() + drain.toNanos();
		while (System.nanoTime() < until && !onLoop(this::idle)) {
			Thread.sleep(10);
		}
		long ended = System.nanoTime();
		return onLoop(() -> new Stats(this.published, this.acknowledged, started, ended));
	}

	private boolean idle() {
		return this.connections.values().stream().allMatch(c -> c.inFlight == 0 && c.waiting.isEmpty());
	}

	private <T> T onLoop(java.util.concurrent.Callable<T> read) throws InterruptedException {
		try {
			return this.loop.submit(read).get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		for (Connection connection : this.connections.values()) {
			if (connection.channel != null) {
				connection.channel.writeAndFlush(MqttMessage.DISCONNECT);
				connection.channel.close();
			}
		}
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/** One device's connection; everything here runs on the event loop. */
	private final class Connection extends SimpleChannelInboundHandler<MqttMessage> {

		private final Traffic.SimDevice device;

		private final String topic;

		private final CompletableFuture<Void> accepted = new CompletableFuture<>();

		private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();

		/** Packet ids in use (unacknowledged). */
		private final BitSet inUse = new BitSet(65_536);

		private Channel channel;

		private int inFlight;

		private int lastId;

		private boolean written;

		Connection(Traffic.SimDevice device, String topic) {
			this.device = device;
			this.topic = topic;
		}

		void offer(byte[] json) {
			if (this.inFlight < LeanDevices.this.window && this.waiting.isEmpty()) {
				send(json);
			}
			else {
				this.waiting.add(json);
			}
		}

		private void send(byte[] json) {
			int id = this.lastId;
			do {
				id = id % 65_535 + 1;
			}
			while (this.inUse.get(id));
			this.lastId = id;
			this.inUse.set(id);
			this.inFlight++;
			LeanDevices.this.published++;
			this.channel.write(MqttMessageBuilders.publish().topicName(this.topic).qos(MqttQoS.AT_LEAST_ONCE)
				.retained(false).messageId(id).payload(Unpooled.wrappedBuffer(json))
				.build(), this.channel.voidPromise());
			this.written = true;
		}

		void flush() {
			if (this.written) {
				this.written = false;
				this.channel.flush();
			}
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
			MqttMessageType type = message.fixedHeader().messageType();
			if (type == MqttMessageType.CONNACK) {
				MqttConnectReturnCode code = ((MqttConnAckMessage) message).variableHeader().connectReturnCode();
				if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
					this.accepted.complete(null);
				}
				else {
					this.accepted.completeExceptionally(
							new IllegalStateException(this.device.id() + " refused: " + code));
				}
			}
			else if (type == MqttMessageType.PUBACK) {
				int id = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
				if (this.inUse.get(id)) {
					this.inUse.clear(id);
					this.inFlight--;
					LeanDevices.this.acknowledged++;
				}
				while (this.inFlight < LeanDevices.this.window && !this.waiting.isEmpty()) {
					send(this.waiting.poll());
				}
				flush();
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.accepted.completeExceptionally(new IllegalStateException(this.device.id() + " disconnected"));
		}

	}

}

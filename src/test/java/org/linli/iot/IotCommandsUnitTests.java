package org.linli.iot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.linli.iot.domain.DeviceSimulator;
import org.linli.iot.domain.Traffic;

import static org.assertj.core.api.Assertions.assertThat;

class IotCommandsUnitTests {

	@Test
	void onlySimulateDevicesIsItsCommand() {
		assertThat(IotCommands.run(new String[0])).isEqualTo(-1);
		assertThat(IotCommands.run(new String[] { "verify-ledger" })).isEqualTo(-1);
	}

	@Test
	void theDemoCompoundsDevicesByDefaultAndOptionsAsGiven() {
		DeviceSimulator.Plan plan = IotCommands.plan(new String[] { "simulate-devices" });
		assertThat(plan.brokerUrl()).isEqualTo("tcp://127.0.0.1:1883");
		assertThat(plan.communityCode()).isEqualTo("xingfuli");
		assertThat(plan.devices()).hasSize(14).allMatch(d -> d.password().equals("Demo@2026"));
		assertThat(plan.rate()).isEqualTo(50);
		assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(60));

		plan = IotCommands.plan(new String[] { "simulate-devices", "--broker", "tcp://10.0.0.2:1884", "--rate",
				"12000", "--duration", "30", "--mix", "access", "--devices",
				"d1:DOOR_STATION,g1:BARRIER_GATE", "--password", "pw", "--window", "500" });
		assertThat(plan.mix()).isEqualTo(Traffic.Mix.ACCESS);
		assertThat(plan.devices()).extracting(Traffic.SimDevice::id).containsExactly("d1", "g1");
		assertThat(plan.window()).isEqualTo(500);
		assertThat(plan.rate()).isEqualTo(12000);
	}

	@Test
	void badOptionsPrintTheUsageAndExitWithTwo() {
		for (String[] args : new String[][] { { "simulate-devices", "--rate", "0" },
				{ "simulate-devices", "--mix", "chaos" }, { "simulate-devices", "--devices", "d1" },
				{ "simulate-devices", "--mix", "access", "--devices", "s1:SMOKE_DETECTOR" },
				{ "simulate-devices", "--what", "1" }, { "simulate-devices", "--rate" } }) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			int status = IotCommands.simulate(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
			assertThat(status).as(String.join(" ", args)).isEqualTo(2);
			assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("usage: java -jar linli.jar simulate-devices");
		}
	}

	@Test
	void anUnreachableBrokerIsReportedNotThrown() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int status = IotCommands.simulate(new String[] { "simulate-devices", "--broker", "tcp://127.0.0.1:1",
				"--duration", "1", "--devices", "d1:DOOR_STATION" }, new PrintStream(buffer, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(1);
		assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("the broker refused or went away");
	}

}

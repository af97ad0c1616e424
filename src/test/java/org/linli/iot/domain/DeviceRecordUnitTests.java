package org.linli.iot.domain;

import org.junit.jupiter.api.Test;
import org.linli.iot.DeviceType;
import org.linli.shared.web.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DeviceRecordUnitTests {

	static DeviceRecord device(String status, int version) {
		return new DeviceRecord("door-1", null, "xingfuli", DeviceType.DOOR_STATION, "北门", null, "1号楼", "1单元",
				null, "大堂", status, version, false, null, null, null);
	}

	@Test
	void aFormReadAtTheCurrentVersionMayChangeAnActiveDevice() {
		assertThatNoException().isThrownBy(() -> device(DeviceRecord.ACTIVE, 3).requireChangeable(3));
	}

	@Test
	void aStaleFormIsRefusedAsAConflict() {
		assertThatThrownBy(() -> device(DeviceRecord.ACTIVE, 3).requireChangeable(2))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("iot.device.stale");
				assertThat(ex.status().value()).isEqualTo(409);
			});
	}

	@Test
	void aRetiredDeviceCannotBeChangedNorGivenAPassword() {
		DeviceRecord retired = device(DeviceRecord.RETIRED, 4);
		assertThat(retired.retired()).isTrue();
		assertThatThrownBy(() -> retired.requireChangeable(4)).hasMessage("iot.device.retired");
		assertThatThrownBy(retired::requireActive).hasMessage("iot.device.retired");
	}

	@Test
	void itsPlaceReadsAsBuildingUnitAndSpot() {
		assertThat(device(DeviceRecord.ACTIVE, 0).where()).isEqualTo("1号楼 1单元 大堂");
		assertThat(device(DeviceRecord.ACTIVE, 0).eventTopic()).isEqualTo("linli/xingfuli/devices/door-1/events");
	}

}

package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every enrolled device, by user and enrolment. */
public record DeviceList(@JsonProperty("devices") List<DeviceSummary> devices) {

    public DeviceList {
        devices = List.copyOf(devices);
    }
}

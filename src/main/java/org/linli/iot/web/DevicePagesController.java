package org.linli.iot.web;

import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.DeviceType;
import org.linli.iot.SecurityStaff;
import org.linli.iot.domain.DeviceRecord;
import org.linli.iot.domain.DeviceService;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;
import org.linli.shared.web.Violations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Devices for staff: the list (all staff), registration, editing with optimistic locking, retirement and a new broker
 * password (property managers). A new password is shown once, on a page that is never cached.
 */
@Controller
class DevicePagesController {

	/** What the form posts; ids arrive as text and are judged into field errors. */
	record DeviceForm(String id, String type, String name, String buildingId, String unit, String assetId,
			String location, Integer version) {

		static DeviceForm of(DeviceRecord d) {
			return new DeviceForm(d.id(), d.type().name(), d.name(), text(d.buildingId()), d.unit(),
					text(d.assetId()), d.location(), d.version());
		}

		private static String text(UUID id) {
			return id == null ? "" : id.toString();
		}

	}

	private final SecurityStaff staff;

	private final DeviceService devices;

	private final RegistryApi registry;

	private final ConsoleCommunity communities;

	private final Problems problems;

	private final AuditApi audit;

	DevicePagesController(SecurityStaff staff, DeviceService devices, RegistryApi registry,
			ConsoleCommunity communities, Problems problems, AuditApi audit) {
		this.staff = staff;
		this.devices = devices;
		this.registry = registry;
		this.communities = communities;
		this.problems = problems;
		this.audit = audit;
	}

	@GetMapping("/console/security/devices")
	String list(@RequestParam(required = false) UUID cid, Authentication auth, Model model) {
		UUID community = this.communities.of((CurrentUser) auth.getPrincipal(), cid);
		CurrentUser user = this.staff.require(community);
		model.addAttribute("cid", community);
		model.addAttribute("devices", this.devices.all(community));
		model.addAttribute("mayManage", user.hasAnyRole(SecurityStaff.MANAGERS));
		return "security/devices";
	}

	@GetMapping("/console/security/devices/new")
	String newDevice(@RequestParam UUID cid, Model model) {
		this.staff.requireManager(cid);
		return form(cid, new DeviceForm("", "", "", "", "", "", "", null), null, model);
	}

	@PostMapping("/console/security/devices")
	String register(@RequestParam UUID cid, @ModelAttribute DeviceForm form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		CurrentUser user = this.staff.requireManager(cid);
		try {
			Violations violations = new Violations();
			UUID building = uuid(form.buildingId(), "buildingId", violations);
			UUID asset = uuid(form.assetId(), "assetId", violations);
			violations.throwIfAny();
			DeviceService.Registered registered = this.devices.register(cid, new DeviceService.NewDevice(form.id(),
					form.type(), form.name(), building, form.unit(), asset, form.location(), null));
			record(user, "iot.device.register", registered.id(), request, AuditRecord.Result.SUCCESS, form.type());
			return secret(cid, registered.id(), registered.password(), false, model, response);
		}
		catch (DomainException ex) {
			return rejected(cid, form, null, ex, model, request);
		}
	}

	@GetMapping("/console/security/devices/{id}")
	String edit(@RequestParam UUID cid, @PathVariable String id, Model model) {
		CurrentUser user = this.staff.require(cid);
		DeviceRecord device = this.devices.details(cid, id);
		model.addAttribute("mayManage", user.hasAnyRole(SecurityStaff.MANAGERS));
		return form(cid, DeviceForm.of(device), device, model);
	}

	@PostMapping("/console/security/devices/{id}")
	String update(@RequestParam UUID cid, @PathVariable String id, @ModelAttribute DeviceForm form,
			RedirectAttributes redirect, Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.requireManager(cid);
		DeviceRecord device = this.devices.details(cid, id);
		try {
			Violations violations = new Violations();
			UUID building = uuid(form.buildingId(), "buildingId", violations);
			UUID asset = uuid(form.assetId(), "assetId", violations);
			violations.throwIfAny();
			this.devices.edit(cid, id, form.version() == null ? -1 : form.version(),
					new DeviceService.Edit(form.name(), building, form.unit(), asset, form.location()));
			record(user, "iot.device.edit", id, request, AuditRecord.Result.SUCCESS, null);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/console/security/devices/" + id + "?cid=" + cid;
		}
		catch (DomainException ex) {
			model.addAttribute("mayManage", true);
			DeviceForm kept = new DeviceForm(id, device.type().name(), form.name(), form.buildingId(), form.unit(),
					form.assetId(), form.location(), form.version());
			return rejected(cid, kept, device, ex, model, request);
		}
	}

	@PostMapping("/console/security/devices/{id}/retire")
	String retire(@RequestParam UUID cid, @PathVariable String id, @RequestParam(required = false) Integer version,
			Model model, HttpServletRequest request) {
		CurrentUser user = this.staff.requireManager(cid);
		DeviceRecord device = this.devices.details(cid, id);
		try {
			this.devices.retire(cid, id, version == null ? -1 : version);
			record(user, "iot.device.retire", id, request, AuditRecord.Result.SUCCESS, null);
			return "redirect:/console/security/devices?cid=" + cid;
		}
		catch (DomainException ex) {
			model.addAttribute("mayManage", true);
			return rejected(cid, DeviceForm.of(device), device, ex, model, request);
		}
	}

	@PostMapping("/console/security/devices/{id}/reset-secret")
	String resetSecret(@RequestParam UUID cid, @PathVariable String id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		CurrentUser user = this.staff.requireManager(cid);
		DeviceRecord device = this.devices.details(cid, id);
		try {
			String password = this.devices.resetSecret(cid, id);
			record(user, "iot.device.resetSecret", id, request, AuditRecord.Result.SUCCESS, null);
			return secret(cid, id, password, true, model, response);
		}
		catch (DomainException ex) {
			model.addAttribute("mayManage", true);
			return rejected(cid, DeviceForm.of(device), device, ex, model, request);
		}
	}

	/** The once-only password page: the broker login for the device, never cached nor shown again. */
	private String secret(UUID cid, String id, String password, boolean reset, Model model,
			HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		DeviceRecord device = this.devices.details(cid, id);
		model.addAttribute("cid", cid);
		model.addAttribute("device", device);
		model.addAttribute("password", password);
		model.addAttribute("topic", device.eventTopic());
		model.addAttribute("reset", reset);
		return "security/device-secret";
	}

	private String rejected(UUID cid, DeviceForm form, DeviceRecord device, DomainException ex, Model model,
			HttpServletRequest request) {
		model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
		RequestOutcome.rejected(request);
		return form(cid, form, device, model);
	}

	private String form(UUID cid, DeviceForm form, DeviceRecord device, Model model) {
		model.addAttribute("cid", cid);
		model.addAttribute("form", form);
		model.addAttribute("device", device);
		model.addAttribute("types", DeviceType.values());
		model.addAttribute("buildings", this.registry.buildings(cid));
		model.addAttribute("assets", this.registry.assets(cid));
		if (!model.containsAttribute("mayManage")) {
			model.addAttribute("mayManage", true);
		}
		return "security/device";
	}

	private void record(CurrentUser user, String action, String deviceId, HttpServletRequest request,
			AuditRecord.Result result, String detail) {
		this.audit.record(new AuditRecord(user.getUsername(), action, "device " + deviceId, result,
				request.getRemoteAddr(), detail));
	}

	private static UUID uuid(String value, String field, Violations violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			violations.add(field, "iot.device.reference.invalid");
			return null;
		}
	}

}

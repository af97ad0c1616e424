package org.linli.billing.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.billing.BillingApi;
import org.linli.billing.domain.BillingAccess;
import org.linli.billing.domain.Meters;
import org.linli.billing.domain.Period;
import org.linli.identity.CurrentUser;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Meters: the month's readings with anomalies, entry and .xlsx import, and the water loss against the target. */
@Controller
@RequestMapping("/console/communities/{cid}/billing/meters")
class MeterPagesController {

	private final BillingAccess access;

	private final RegistryApi registry;

	private final Meters meters;

	private final BillingApi billing;

	private final PageForms forms;

	private final Clock clock;

	MeterPagesController(BillingAccess access, RegistryApi registry, Meters meters, BillingApi billing,
			PageForms forms, Clock clock) {
		this.access = access;
		this.registry = registry;
		this.meters = meters;
		this.billing = billing;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String meters(@PathVariable UUID cid, @RequestParam(required = false) String period, Model model) {
		this.access.requireKeeper(cid);
		String month = period == null || period.isBlank() ? YearMonth.now(this.clock).minusMonths(1).toString()
				: Period.parse(period).text();
		model.addAttribute("community", this.registry.summaries(List.of(cid)).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("billing.community.notFound")));
		model.addAttribute("period", month);
		model.addAttribute("masters", this.meters.masters(cid));
		model.addAttribute("meterCount", this.meters.count(cid));
		model.addAttribute("readings", this.meters.readings(cid, month));
		model.addAttribute("waterLoss", this.billing.waterLoss(cid, month));
		model.addAttribute("before", BillingApi.WATER_LOSS_BEFORE);
		model.addAttribute("target", BillingApi.WATER_LOSS_TARGET);
		return "billing/meters";
	}

	@PostMapping("/readings")
	String read(@PathVariable UUID cid, @RequestParam String period, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String reading, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, target(cid, period), "billing.reading.saved", () -> {
			var meter = this.meters.byCode(cid, code.strip())
				.orElseThrow(() -> DomainException.invalid("code", "billing.meter.unknown"));
			BigDecimal value;
			try {
				value = new BigDecimal(reading.strip());
			}
			catch (NumberFormatException ex) {
				throw DomainException.invalid("reading", "billing.reading.invalid");
			}
			var saved = this.meters.record(cid, meter.id(), Period.parse(period), value, "MANUAL", user.getUsername());
			if (saved.anomaly() != null) {
				redirect.addFlashAttribute("anomaly", saved.anomaly());
			}
		});
	}

	@PostMapping("/import")
	String importReadings(@PathVariable UUID cid, @RequestParam String period, @RequestParam MultipartFile file,
			RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireKeeper(cid);
		return this.forms.run(redirect, request, target(cid, period), "billing.import.done", () -> {
			try {
				Meters.ImportReport report = this.meters.importSheet(cid, Period.parse(period), file.getBytes(),
						user.getUsername());
				redirect.addFlashAttribute("report", report);
			}
			catch (java.io.IOException ex) {
				throw DomainException.invalid("file", "billing.import.corrupt");
			}
		});
	}

	private static String target(UUID cid, String period) {
		return "/console/communities/" + cid + "/billing/meters?period=" + Period.parse(period).text();
	}

}

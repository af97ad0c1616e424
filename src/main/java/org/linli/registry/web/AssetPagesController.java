package org.linli.registry.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.AssetReports;
import org.linli.registry.domain.AssetService;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Paging;
import org.linli.shared.web.Problems;
import org.linli.shared.web.QrCodes;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Assets and facilities of a compound (一物一码): the filtered list, registering one, its page with status history and
 * its printable QR label, and the problem reports received from the public scan pages.
 */
@Controller
@RequestMapping("/console/communities/{cid}/assets")
class AssetPagesController {

	private final RegistryAccess access;

	private final AssetService assets;

	private final CommunityService communities;

	private final RegistryQueries queries;

	private final Problems problems;

	private final AssetReports reports;

	/** Times as staff read them, in the application's zone (Asia/Shanghai). */
	private final java.time.format.DateTimeFormatter time;

	AssetPagesController(RegistryAccess access, AssetService assets, CommunityService communities,
			RegistryQueries queries, Problems problems, AssetReports reports, java.time.Clock clock) {
		this.reports = reports;
		this.time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
		this.access = access;
		this.assets = assets;
		this.communities = communities;
		this.queries = queries;
		this.problems = problems;
	}

	/** The list, filtered by type, status and building; with htmx only the results are swapped. */
	@GetMapping
	String list(@PathVariable UUID cid, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String status, @RequestParam(required = false) UUID buildingId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("page", this.assets.page(cid, AssetService.Filter.of(type, status, buildingId),
				Paging.of(page, size)));
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("buildingId", buildingId);
		model.addAttribute("types", AssetService.Type.values());
		model.addAttribute("statuses", AssetService.Status.values());
		model.addAttribute("buildings", this.queries.buildings(cid));
		model.addAttribute("mayWrite", this.access.mayWrite(cid));
		return "registry/assets";
	}

	@PostMapping
	String register(@PathVariable UUID cid, @RequestParam String type, @RequestParam String name,
			@RequestParam(required = false) UUID buildingId, @RequestParam(required = false) String location,
			Model model, HttpServletRequest request) {
		this.access.requireWrite(cid);
		try {
			var asset = this.assets.register(cid, type, name, buildingId, location);
			return "redirect:/console/communities/" + cid + "/assets/" + asset.id() + "/label";
		}
		catch (DomainException ex) {
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
			return list(cid, "", "", null, 0, 50, model);
		}
	}

	@GetMapping("/{id}/label")
	String label(@PathVariable UUID cid, @PathVariable UUID id, Model model) {
		this.access.requireRead(cid);
		var asset = this.assets.find(cid, id).orElseThrow(() -> DomainException.notFound("asset.notFound"));
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/assets/{code}")
			.buildAndExpand(asset.code()).toUriString();
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("asset", asset);
		model.addAttribute("url", url);
		model.addAttribute("qr", QrCodes.dataUri(url, 360));
		return "registry/asset-label";
	}

	/** One asset: what and where it is, its QR code, its status history and the problems reported about it. */
	@GetMapping("/{id}")
	String asset(@PathVariable UUID cid, @PathVariable UUID id, Model model) {
		CurrentUser user = this.access.requireRead(cid);
		var asset = this.assets.find(cid, id).orElseThrow(() -> DomainException.notFound("asset.notFound"));
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/assets/{code}")
			.buildAndExpand(asset.code()).toUriString();
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("asset", asset);
		model.addAttribute("buildingName",
				asset.buildingId() == null ? null : this.queries.buildingName(cid, asset.buildingId()).orElse(null));
		model.addAttribute("qr", QrCodes.dataUri(url, 240));
		model.addAttribute("history", this.assets.history(cid, id));
		model.addAttribute("time", this.time);
		model.addAttribute("reports", this.reports.ofAsset(cid, id).stream().map(r -> masked(r, user)).toList());
		model.addAttribute("statuses", AssetService.Status.values());
		model.addAttribute("mayWrite", this.access.mayWrite(cid));
		return "registry/asset";
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable UUID cid, @PathVariable UUID id, @RequestParam(defaultValue = "") String status,
			@RequestParam(required = false) String note, RedirectAttributes redirect, HttpServletRequest request) {
		CurrentUser user = this.access.requireWrite(cid);
		try {
			this.assets.changeStatus(cid, id, status, note, user.getUsername());
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/console/communities/" + cid + "/assets/" + id;
	}

	/** The problem reports received from the public scan pages, new ones first by default. */
	@GetMapping("/reports")
	String reports(@PathVariable UUID cid, @RequestParam(defaultValue = "NEW") String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = this.access.requireRead(cid);
		var found = this.reports.page(cid, AssetReports.parseStatus(status), Paging.of(page, 50));
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("status", status);
		model.addAttribute("time", this.time);
		model.addAttribute("page", found);
		model.addAttribute("reports", found.getContent().stream().map(r -> masked(r, user)).toList());
		model.addAttribute("mayWrite", this.access.mayWrite(cid));
		return "registry/asset-reports";
	}

	@PostMapping("/reports/{rid}/handle")
	String handle(@PathVariable UUID cid, @PathVariable UUID rid, RedirectAttributes redirect,
			HttpServletRequest request) {
		CurrentUser user = this.access.requireWrite(cid);
		try {
			this.reports.handle(cid, rid, user.getUsername());
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/console/communities/" + cid + "/assets/reports";
	}

	/** A reporter's mobile number is personal data: shown whole only to the roles that see mobiles whole. */
	private static AssetReports.Report masked(AssetReports.Report report, CurrentUser user) {
		return new AssetReports.Report(report.id(), report.assetId(), report.assetCode(), report.assetName(),
				report.description(), report.phone() == null ? null : PersonalDataPolicy.phone(user, report.phone()),
				report.reportedAt(), report.status(), report.handledBy(), report.handledAt(), report.workOrderId());
	}

}

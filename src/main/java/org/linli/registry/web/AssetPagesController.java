package org.linli.registry.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.domain.AssetService;
import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.RegistryQueries;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.QrCodes;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Assets and facilities of a compound: the list, registering one, and its printable QR label (一物一码). */
@Controller
@RequestMapping("/console/communities/{cid}/assets")
class AssetPagesController {

	private final RegistryAccess access;

	private final AssetService assets;

	private final CommunityService communities;

	private final RegistryQueries queries;

	private final Problems problems;

	AssetPagesController(RegistryAccess access, AssetService assets, CommunityService communities,
			RegistryQueries queries, Problems problems) {
		this.access = access;
		this.assets = assets;
		this.communities = communities;
		this.queries = queries;
		this.problems = problems;
	}

	@GetMapping
	String list(@PathVariable UUID cid, Model model) {
		this.access.requireRead(cid);
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("assets", this.assets.list(cid, 500, 0));
		model.addAttribute("types", AssetService.Type.values());
		model.addAttribute("buildings", this.queries.buildings(cid));
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
			return list(cid, model);
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

}

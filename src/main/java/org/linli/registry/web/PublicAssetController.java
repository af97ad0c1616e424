package org.linli.registry.web;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.domain.AssetService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What a scanned asset label opens, without sign-in: what the thing is, and a form to report a problem with it. */
@Controller
class PublicAssetController {

	private final AssetService assets;

	private final Problems problems;

	PublicAssetController(AssetService assets, Problems problems) {
		this.assets = assets;
		this.problems = problems;
	}

	@GetMapping("/public/assets/{code}")
	String asset(@PathVariable String code, Model model) {
		model.addAttribute("asset", this.assets.byCode(code).orElseThrow(() -> DomainException.notFound("asset.notFound")));
		return "registry/public-asset";
	}

	@PostMapping("/public/assets/{code}/reports")
	String report(@PathVariable String code, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) String phone, Model model, HttpServletRequest request) {
		model.addAttribute("asset", this.assets.byCode(code).orElseThrow(() -> DomainException.notFound("asset.notFound")));
		try {
			this.assets.report(code, description, phone, request.getRemoteAddr());
			model.addAttribute("reported", true);
		}
		catch (DomainException ex) {
			model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			model.addAttribute("description", description);
			RequestOutcome.rejected(request);
		}
		return "registry/public-asset";
	}

}

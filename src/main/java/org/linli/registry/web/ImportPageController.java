package org.linli.registry.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.importing.ImportReport;
import org.linli.registry.domain.importing.PersonImport;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The person import page: check a file (dry run), then import it; the report lists every faulty row. */
@Controller
@RequestMapping("/console/communities/{cid}/imports/persons")
class ImportPageController {

	private final RegistryAccess access;

	private final PersonImport imports;

	private final CommunityService communities;

	ImportPageController(RegistryAccess access, PersonImport imports, CommunityService communities) {
		this.access = access;
		this.imports = imports;
		this.communities = communities;
	}

	@GetMapping
	String form(@PathVariable UUID cid, Model model) {
		this.access.requireWrite(cid);
		model.addAttribute("community", this.communities.summary(cid));
		return "registry/import";
	}

	@PostMapping
	String upload(@PathVariable UUID cid, @RequestParam MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, Model model, HttpServletRequest request)
			throws IOException {
		this.access.requireWrite(cid);
		ImportReport report = this.imports.run(cid, file.getOriginalFilename(), file.getBytes(), dryRun,
				LocaleContextHolder.getLocale());
		if (report.invalid() > 0 || !report.errors().isEmpty()) {
			RequestOutcome.rejected(request);
		}
		model.addAttribute("community", this.communities.summary(cid));
		model.addAttribute("report", report);
		model.addAttribute("dryRun", dryRun);
		return "registry/import";
	}

}

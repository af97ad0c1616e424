package org.linli.registry.api;

import java.io.IOException;
import java.util.UUID;

import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.importing.ImportReport;
import org.linli.registry.domain.importing.ImportTemplate;
import org.linli.registry.domain.importing.PersonImport;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * POST /api/v1/communities/{cid}/imports/persons?dryRun=: the row-by-row report; a real run writes every row (200) or,
 * when any row is invalid, nothing (422 with the same report). A file that cannot be read answers 400.
 */
@RestController
@RequestMapping("/api/v1/communities/{cid}/imports/persons")
class ImportsController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PersonImport imports;

	private final RegistryAccess access;

	private final ImportTemplate template;

	ImportsController(PersonImport imports, RegistryAccess access, ImportTemplate template) {
		this.imports = imports;
		this.access = access;
		this.template = template;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> importPersons(@PathVariable UUID cid, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestPart("file") MultipartFile file) throws IOException {
		this.access.requireWrite(cid);
		ImportReport report = this.imports.run(cid, file.getOriginalFilename(), file.getBytes(), dryRun,
				LocaleContextHolder.getLocale());
		return ResponseEntity.status(statusOf(report, dryRun)).body(report);
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> template(@PathVariable UUID cid) {
		this.access.requireWrite(cid);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"persons-template.xlsx\"")
			.contentType(MediaType.parseMediaType(XLSX))
			.body(this.template.persons(LocaleContextHolder.getLocale()));
	}

	static HttpStatus statusOf(ImportReport report, boolean dryRun) {
		boolean unreadable = report.total() == 0 && !report.errors().isEmpty()
				&& "file".equals(report.errors().getFirst().field());
		if (unreadable) {
			return HttpStatus.BAD_REQUEST;
		}
		return !dryRun && report.invalid() > 0 ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
	}

}

package org.linli.audit.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.linli.audit.domain.AuditEvent;
import org.linli.audit.domain.AuditQuery;
import org.linli.audit.domain.AuditTrail;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's viewer: search, chain verification and CSV export. There is no way to change an event. */
@Controller
@RequestMapping("/console/audit")
class AuditConsoleController {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditConsoleController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping
	String search(@RequestParam(required = false) String account, @RequestParam(required = false) String action,
			@RequestParam(required = false) String result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = query(account, action, result, from, to);
		model.addAttribute("events", this.trail.search(query, PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("query", java.util.Map.of("account", nz(account), "action", nz(action), "result",
				nz(result), "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
		model.addAttribute("time", TIME);
		return "audit/events";
	}

	@GetMapping("/verify")
	String verify(Model model) {
		var broken = this.trail.verify();
		model.addAttribute("intact", broken.isEmpty());
		model.addAttribute("brokenAt", broken.isPresent() ? broken.getAsLong() : null);
		return "audit/verify";
	}

	@GetMapping(value = "/export.csv")
	void export(@RequestParam(required = false) String account, @RequestParam(required = false) String action,
			@RequestParam(required = false) String result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
		PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
		out.write('\uFEFF'); // Excel on Chinese Windows needs the BOM to read UTF-8
		var locale = LocaleContextHolder.getLocale();
		out.println(String.join(",", java.util.stream.Stream
			.of("time", "account", "action", "object", "result", "source", "detail", "hash")
			.map(key -> Csv.cell(this.messages.getMessage("audit.column." + key, null, locale)))
			.toList()));
		this.trail.forEach(query(account, action, result, from, to), event -> out.println(line(event)));
		out.flush();
	}

	private static String line(AuditEvent e) {
		return String.join(",", Csv.cell(TIME.format(e.occurredAt())), Csv.cell(e.account()), Csv.cell(e.action()),
				Csv.cell(e.object()), Csv.cell(e.result()), Csv.cell(e.sourceAddress()), Csv.cell(e.detail()),
				Csv.cell(e.hash()));
	}

	private static AuditQuery query(String account, String action, String result, LocalDate from, LocalDate to) {
		return new AuditQuery(account, action, result, from == null ? null : from.atStartOfDay(ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}

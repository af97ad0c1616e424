package org.linli.workorder.web;

import java.time.Clock;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Work-order pages show times in the application's zone. */
@ControllerAdvice(assignableTypes = { ResidentWorkOrdersController.class, ConsoleWorkOrdersController.class,
		FiguresPageController.class, SettingsPageController.class })
class WorkOrderModelAdvice {

	private final Clock clock;

	WorkOrderModelAdvice(Clock clock) {
		this.clock = clock;
	}

	@ModelAttribute
	void zone(Model model) {
		model.addAttribute("zone", this.clock.getZone());
	}

}

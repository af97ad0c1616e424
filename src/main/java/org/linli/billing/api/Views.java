package org.linli.billing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.linli.billing.domain.BillQueries;
import org.linli.billing.domain.Payments;

/** JSON shapes of the billing API; amounts in fen. */
final class Views {

	private Views() {
	}

	record BillView(UUID id, UUID roomId, String period, String item, String kind, long amountFen, long paidFen,
			long creditedFen, long outstandingFen, String status, LocalDate dueDate, int days, BigDecimal quantity) {

		static BillView of(BillQueries.Bill b) {
			return new BillView(b.id(), b.roomId(), b.period(), b.item(), b.kind(), b.amountFen(), b.paidFen(),
					b.creditedFen(), b.outstandingFen(), b.status(), b.dueDate(), b.days(), b.quantity());
		}

	}

	record PaymentView(UUID id, UUID roomId, String channel, String orderNo, long amountFen, long refundedFen,
			String status, String receiptNo, java.time.OffsetDateTime paidAt) {

		static PaymentView of(Payments.Payment p) {
			return new PaymentView(p.id(), p.roomId(), p.channel(), p.orderNo(), p.amountFen(), p.refundedFen(),
					p.status(), p.receiptNo(), p.paidAt());
		}

	}

	record RateView(String period, long billedFen, long paidFen, BigDecimal rate) {

		static RateView of(BillQueries.Rate r) {
			return new RateView(r.period(), r.billedFen(), r.paidFen(), r.rate());
		}

	}

	static UUID id(String value) {
		try {
			return value == null ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return new UUID(0, 0);
		}
	}

}

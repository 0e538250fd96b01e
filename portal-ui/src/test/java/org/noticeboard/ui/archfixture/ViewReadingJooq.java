package org.noticeboard.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import org.noticeboard.db.jooq.tables.records.MemberRecord;

/** A UI class that reads a jOOQ record: the architecture test must reject it. */
public class ViewReadingJooq extends Div {

    public ViewReadingJooq(MemberRecord record) {
        setText(record.getDisplayName());
    }
}

package noticeboardfixture;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/**
 * A route that says nothing about who may open it: the architecture test must reject it. Kept
 * outside org.noticeboard so that neither Spring nor Karibu registers it as a real route.
 */
@Route("arch-fixture-unannotated")
public class UnannotatedRoute extends Div {}

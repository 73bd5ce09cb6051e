package org.yizhan.ui;

import org.yizhan.model.Audience;

/** Where the citizen can go. Screens ask the {@link Navigator} for a destination, never for each other. */
public sealed interface Destination {

    record Home() implements Destination {
    }

    /** 个人办事 / 法人办事: themes (or departments) for one audience. */
    record Browse(Audience audience, boolean byDepartment) implements Destination {
        public Browse(Audience audience) {
            this(audience, false);
        }
    }

    /** The services of one theme. */
    record ThemeServices(String themeId) implements Destination {
    }

    /** The services of one department, for one audience. */
    record DepartmentServices(String departmentId, Audience audience) implements Destination {
    }

    /** 搜索事项: the search screen with its on-screen keyboard. */
    record Search(String query) implements Destination {
        public Search() {
            this("");
        }
    }

    /** One service's guide. */
    record Guide(String serviceId) implements Destination {
    }

    /**
     * 取号排队: the hall's queues; from a guide's 取号办理, {@code serviceId} names the service, and the
     * screen goes straight to its queue. Empty from the home screen.
     */
    record Queue(String serviceId) implements Destination {
        public Queue() {
            this("");
        }
    }

    /** 进度查询: an application's progress from its number and the applicant's check. */
    record Status() implements Destination {
    }

    /**
     * 服务评价 (好差评): about nothing (from home), a ticket ({@code ticket} its number, {@code queue} its queue) or a
     * case ({@code caseNumber}, its application number only); {@code serviceId} where the service is known. Absent
     * parts are "".
     */
    record Rating(String ticket, String queue, String caseNumber, String serviceId) implements Destination {
        public static Rating anonymous() {
            return new Rating("", "", "", "");
        }

        public static Rating ofTicket(String number, String queue, String serviceId) {
            return new Rating(number, queue, "", serviceId);
        }

        public static Rating ofCase(String number, String serviceId) {
            return new Rating("", "", number, serviceId);
        }
    }

    /** The technician's panel, behind its PIN (technician.pin); reached only by the corner taps. */
    record Technician() implements Destination {
    }

    Destination HOME = new Home();
}

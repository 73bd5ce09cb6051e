package org.yizhan.model;

/** 办理地点与时间: where and when a service is handled. Empty strings where unknown. */
public record Location(String hall, String address, String window, String hours, String directions) {
    public static final Location UNKNOWN = new Location("", "", "", "", "");

    public Location {
        hall = hall == null ? "" : hall;
        address = address == null ? "" : address;
        window = window == null ? "" : window;
        hours = hours == null ? "" : hours;
        directions = directions == null ? "" : directions;
    }
}

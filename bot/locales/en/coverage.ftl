## Coverage: where the next station should go (/coverage)

command-coverage = Where stations are missing
coverage-not-organizer = This is for organizers and admins: where riders look for stations and where the nearest open one is too far. If you work for a union, community or station, ask an admin for an organizer invite link.
coverage-stale = This button no longer works; please send /coverage again.
coverage-forbidden = This area is not yours to manage; nothing is shown.
coverage-scope-all = any area
coverage-scope-yours = your area
coverage-city-none = Places with no station nearby
coverage-none =
    In the last 90 days no rider has searched by location in { $scope }, so there is nothing to show yet.
    Every location search is recorded anonymously as its grid square of about 500 m with the distance to the nearest open station; once riders search, you will see it here.
coverage-pick-city = Pick an area to see where stations are missing (by searches in the last 90 days):
coverage-button-city = { $city } · { $searches }
coverage-button-period = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }Last { $days } days
coverage-button-cities = 🏙 Other area
coverage-empty-period = In the last { $days } days no rider searched by location in { $city }. Try a longer period below.
coverage-title = 🗺 <b>{ $city }: where stations are missing</b> (last { $days } days)
coverage-summary = Riders searched by location { $searches } times, in { $cells } grid squares of about 500 m; in <b>{ $gaps } squares</b> ({ $gapSearches } searches) the nearest open station was typically more than { $minutes } minutes away by e-bike (about { $reach } in a straight line).
coverage-no-gaps = ✅ Wherever riders searched in this period, an open station was within { $minutes } minutes by e-bike.
coverage-top-title = <b>Most searched gaps</b> (tap a position to see it in Amap):
coverage-gap-line = { $rank }. <a href="{ $link }">{ $lat }, { $lng }</a> · { $hint } · { $searches } searches · { $typical }
coverage-hint-station = { $district } { $distance } from "{ $name }"
coverage-hint-none = no station nearby
coverage-typical = nearest open station typically { $distance } away
coverage-typical-none = typically no open station within { $radius } km
coverage-more-gaps = { $count } more gap squares on the map and in the CSV.
coverage-footer = Each search keeps only its square of about 500 m, never who searched, for 90 days. E-bike times assume 15 km/h on roads 1.3 times the straight line.
coverage-marker-name = Gap { $rank }
coverage-photo-caption = 🗺 { $city } · last { $days } days: red squares are gaps (darker: more searches), numbers are the ranks above, green dots are stations.
coverage-map-failed = The map could not be drawn this time; the text and the CSV are complete.
coverage-csv-caption = 📄 { $city }, last { $days } days: searches per grid square and the median distance to the nearest open station.
coverage-csv-filename = coverage-{ $city }-{ $days }d.csv
coverage-csv-row = row
coverage-csv-col = col
coverage-csv-lat = centre latitude (WGS-84)
coverage-csv-lng = centre longitude (WGS-84)
coverage-csv-searches = searches
coverage-csv-median = median nearest open station (m)
coverage-csv-over = over { $minutes } min by e-bike
coverage-csv-yes = yes
coverage-csv-no = no

## Coverage map legend (bot/features/coverage/map.ts)

coverage-map-title = { $city } · where stations are missing
coverage-map-subtitle = last { $days } days · squares of about 500 m · made { $date }
coverage-map-stations = station
coverage-map-covered = open station within { $minutes } min by e-bike
coverage-map-gaps = gaps: searches

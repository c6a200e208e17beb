/**
 * The fixed amenity vocabulary. The position of each key is part of the callback-data format (filter
 * bitmasks), so new amenities are appended, never inserted or reordered.
 */
export const amenities = [
  'hot_water',
  'drinking_water',
  'microwave',
  'phone_charging',
  'ebike_charging',
  'rest_seats',
  'toilet',
  'medicine_kit',
  'umbrella',
  'air_conditioning',
  'heating',
  'wifi',
  'truck_parking',
  'repair_tools',
  'books',
  'meals',
  'cooling_supplies',
  'lockers',
] as const
export type Amenity = (typeof amenities)[number]

/** The amenities offered as one-tap filters under a nearest-stations list, most asked-for first. */
export const filterAmenities: readonly Amenity[] = ['hot_water', 'phone_charging', 'toilet', 'microwave', 'ebike_charging', 'truck_parking']

export const stationKinds = [
  'union',
  'rider',
  'city',
  'grid',
  'driver',
  'merchant',
  'canteen',
  'cooling',
  'gov_service',
  'community',
  'other',
] as const
export type StationKind = (typeof stationKinds)[number]

export const isAmenity = (value: string): value is Amenity => (amenities as readonly string[]).includes(value)
export const isStationKind = (value: string): value is StationKind => (stationKinds as readonly string[]).includes(value)

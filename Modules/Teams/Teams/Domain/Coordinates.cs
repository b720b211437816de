namespace Emergency.Teams.Domain;

/// <summary>
/// 坐标: optional latitude and longitude in degrees (WGS-84, as a phone or a 天地图 pick gives them), both or neither,
/// within China's extent (latitude 3–54, longitude 73–136) so a swapped or mistyped pair is refused.
/// </summary>
internal static class Coordinates
{
    public const double MinLatitude = 3, MaxLatitude = 54, MinLongitude = 73, MaxLongitude = 136;

    /// <summary>Adds the refusals of a coordinate pair to <paramref name="errors"/> (fields Latitude and Longitude).</summary>
    public static void Check(List<FieldError> errors, double? latitude, double? longitude)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (latitude is { } lat && (double.IsNaN(lat) || lat < MinLatitude || lat > MaxLatitude))
        {
            errors.Add(new FieldError("Latitude", "纬度应在 3 至 54 之间（中国境内，单位：度）"));
        }

        if (longitude is { } lng && (double.IsNaN(lng) || lng < MinLongitude || lng > MaxLongitude))
        {
            errors.Add(new FieldError("Longitude", "经度应在 73 至 136 之间（中国境内，单位：度）"));
        }

        if (latitude is null != longitude is null)
        {
            errors.Add(new FieldError(latitude is null ? "Latitude" : "Longitude", "经度和纬度须同时填写或同时留空"));
        }
    }

    /// <summary>Rounds to six decimals (about 0.1 m) as stored.</summary>
    public static double? Round(double? degrees) => degrees is { } d ? Math.Round(d, 6) : null;
}

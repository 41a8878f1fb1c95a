/** The list screens' filter: one artist (or all) and a period (from / to dates). */
interface ArtistPeriodFilterProps {
  artists: readonly { id: string; name: string }[];
  artistId: string;
  from: string;
  to: string;
  onArtist(id: string): void;
  onFrom(date: string): void;
  onTo(date: string): void;
  labels: { artist: string; allArtists: string; from: string; to: string };
  /** data-testid prefix: `<p>-artist-filter`, `<p>-from`, `<p>-to`. */
  testIdPrefix: string;
  /** Class of the date labels. */
  dateClassName: string;
}

export function ArtistPeriodFilter(props: ArtistPeriodFilterProps) {
  const { labels, testIdPrefix: p } = props;
  const date = (label: string, value: string, onChange: (v: string) => void, testId: string) => (
    <label className={props.dateClassName}>
      {label}
      <input
        type="date"
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
  return (
    <>
      <select
        className="input"
        aria-label={labels.artist}
        value={props.artistId}
        onChange={(e) => props.onArtist(e.target.value)}
        data-testid={`${p}-artist-filter`}
      >
        <option value="">{labels.allArtists}</option>
        {props.artists.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {date(labels.from, props.from, props.onFrom, `${p}-from`)}
      {date(labels.to, props.to, props.onTo, `${p}-to`)}
    </>
  );
}

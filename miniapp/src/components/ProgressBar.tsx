import './progress-bar.css';

type TProgressBarProps = {
  /** 0–100. */
  percent: number;
  /** What is progressing, for people who cannot see the bar. */
  label: string;
  /** Shown next to the bar ("42 %", "Uploaded"). */
  text: string;
  testId: string;
};

/**
 * A determinate progress bar (an upload, a video being made): the native element, so screen readers
 * announce its value; the test id carries the value too, for tests that watch it move.
 */
export function ProgressBar({ percent, label, text, testId }: TProgressBarProps) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress" data-testid={testId} data-value={value}>
      <progress className="progress__bar" max={100} value={value} aria-label={label} />
      <span className="progress__text" aria-live="polite">
        {text}
      </span>
    </div>
  );
}

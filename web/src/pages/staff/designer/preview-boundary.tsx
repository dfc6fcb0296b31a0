import { Component, type ReactNode } from 'react';

type Props = { resetKey: string; fallback: ReactNode; children: ReactNode };

/** A draft schema can make rjsf throw; the editor stays usable and the preview returns once the draft changes. */
export class PreviewBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

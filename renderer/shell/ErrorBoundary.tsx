// Catches a screen that fails to render: the problem is reported (kind and screen only) and the visit restarts clean.
import { Component, type ReactNode } from 'react';

interface Props {
  readonly onCrash: () => void;
  readonly children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onCrash();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

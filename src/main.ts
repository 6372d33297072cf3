/** The app's entry: global styles and the shell component. Everything heavy loads later. */
// First: sets the chosen colour theme on <html> before anything renders (theme.ts).
import './ui/theme.ts';
import 'katex/dist/katex.min.css';
import './ui/app.css';
import './ui/theme.css';
import './ui/dp-app.ts';
